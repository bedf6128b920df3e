/// Points taken from one lot by a spend (redemption, expiry, refund reversal or manual deduction).
public struct LotConsumption: Hashable, Sendable {
    /// The lot the points came from.
    public let lot: LotID
    /// The event that earned the lot (the order, bonus or referral).
    public let earnedBy: SourceEvent
    /// How many points were taken from the lot.
    public let points: Int64
}
