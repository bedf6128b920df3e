/// Where every customer stands as of the report's instant: lifecycle stages against the lapse window
/// learned from the shop's gaps between purchases, named RFM segments, VIPs. Over all customers (a
/// report's segment does not narrow it).
public struct ReportSegments: Hashable, Codable, Sendable {
    public var lapseWindow: LapseWindow
    public var customers: Int
    public var buyers: Int
    /// Every lifecycle stage (shares of all customers), in `LifecycleStage.allCases` order.
    public var lifecycle: [SegmentCount]
    /// Every named RFM segment (shares of buyers), in `RFMSegment.allCases` order.
    public var rfm: [SegmentCount]
    /// VIPs (share of buyers).
    public var vip: SegmentCount

    init(_ report: SegmentReport) {
        lapseWindow = report.lapseWindow
        customers = report.customers
        buyers = report.buyers
        lifecycle = report.stages
        rfm = report.rfm
        vip = report.vip
    }
}
