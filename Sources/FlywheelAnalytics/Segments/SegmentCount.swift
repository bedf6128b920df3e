/// How many customers a segment holds as of an instant, and what they spent (net, minor units).
public struct SegmentCount: Hashable, Codable, Sendable {
    /// The segment: a lifecycle stage's or RFM segment's raw value, `vip`, or a saved segment's name.
    public var segment: String
    public var customers: Int
    /// customers ÷ all customers the report covers.
    public var share: Double?
    public var netSpentMinor: Int64
}
