import FlywheelCore

/// What one order earned, kept so that its refunds can be reversed pro rata.
struct OrderEarning: Hashable, Sendable {
    let customer: String
    let lot: LotID
    let earned: Int64
    let amountMinor: Int64
    let currency: CurrencyCode
    /// Money refunded so far, capped at the order amount.
    var refundedMinor: Int64 = 0
    /// Points accounted for by refunds so far: reversed plus shortfall.
    var accountedPoints: Int64 = 0
    /// Whether the order's `release` source (keyed by the order id) was applied.
    var released = false
}
