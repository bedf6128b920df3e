/// Customer acquisition cost in a period, per channel and blended. Money in minor units.
public struct AcquisitionCost: Hashable, Codable, Sendable {
    /// Channels with spend or new customers in the period, by name (the no-channel row last).
    public var channels: [ChannelAcquisition]
    /// All spend in the period.
    public var spendMinor: Int64
    /// All new customers in the period, paid channels or not.
    public var newCustomers: Int
    /// spend ÷ all new customers (blended CAC); `nil` without new customers.
    public var blendedCACMinor: Int64?
}
