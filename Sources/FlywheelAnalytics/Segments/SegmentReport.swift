public import Foundation

/// Where the customers stand as of an instant: lifecycle stages against the learned windows, named RFM
/// segments, VIPs, and the saved segments' sizes.
public struct SegmentReport: Hashable, Codable, Sendable {
    public var asOf: Date
    public var currency: String
    public var lapseWindow: LapseWindow
    /// All customers known, and those with a purchase.
    public var customers: Int
    public var buyers: Int
    /// Every lifecycle stage, in `LifecycleStage.allCases` order (shares of all customers).
    public var stages: [SegmentCount]
    /// Every named RFM segment, in `RFMSegment.allCases` order (shares of buyers).
    public var rfm: [SegmentCount]
    /// VIPs under the engine's rule (share of buyers).
    public var vipRule: VIPRule
    public var vip: SegmentCount
    /// Saved segments, in the order they were saved (shares of all customers).
    public var saved: [SegmentCount]
}
