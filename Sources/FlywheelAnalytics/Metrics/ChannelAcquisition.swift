/// One marketing channel's acquisition in a period: spend, customers whose first purchase came through
/// it, CAC, and their historical LTV against it. Money in minor units.
public struct ChannelAcquisition: Hashable, Codable, Sendable {
    /// The channel (`Order.channel` of first purchases, `MarketingSpend.channel`); `nil`: orders naming none.
    public var channel: String?
    public var spendMinor: Int64
    public var newCustomers: Int
    /// spend ÷ new customers; `nil` without new customers (or for the no-channel row).
    public var cacMinor: Int64?
    /// The new customers' historical LTV with margin (the seeds' formula) up to the snapshot's instant.
    public var ltvMinor: Int64?
    /// LTV ÷ CAC; `nil` when either is missing or the spend is zero. The seeds' target is at least 3.
    public var ltvToCAC: Double?
}
