public import Foundation

/// The retention funnel, first-time → repeat → loyal → advocate, as of an instant.
public struct FunnelReport: Hashable, Codable, Sendable {
    public var asOf: Date
    public var segment: CustomerFilter
    /// Only customers acquired in this period, when set.
    public var acquiredIn: Period?
    /// Purchase occasions that make a customer loyal.
    public var loyalPurchases: Int
    /// The four stages, in order.
    public var stages: [FunnelStage]
    /// Advocacy among all buyers, whatever their stage: promoters (latest NPS 9–10) and reviewers.
    public var promoters: Int
    public var reviewers: Int
    /// Buyers who referred someone; `nil` while referrals are not tracked (they come with the loyalty
    /// programme: pass their ids to `funnel(…referrers:)`).
    public var referrers: Int?
}
