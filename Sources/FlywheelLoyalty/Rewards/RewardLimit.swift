/// At most `count` redemptions of a reward per customer per `period` (a local calendar day, month or year in
/// the shop's zone, or the customer's lifetime).
public struct RewardLimit: Hashable, Sendable, Codable {
    /// How many redemptions are allowed in one period; at least 1.
    public var count: Int
    /// The period the limit counts over.
    public var period: CapPeriod

    /// A limit of `count` per `period`.
    public init(count: Int, period: CapPeriod) {
        self.count = count
        self.period = period
    }
}
