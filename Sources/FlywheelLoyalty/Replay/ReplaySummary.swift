/// What a replay did: points issued and where they went, codes, fees, the tier distribution and the
/// liability at the end.
public struct ReplaySummary: Hashable, Sendable {
    /// Customers the replay saw (members of the programme).
    public var members: Int
    /// Orders that earned (or could have earned) points.
    public var orders: Int
    /// Orders skipped: guest, cancelled or in another currency.
    public var skippedOrders: Int
    /// Refunds applied.
    public var refunds: Int
    /// Points awarded (orders, bonuses, badges, actions, challenges, referrals); hand-backs are not new points.
    public var pointsIssued: Int64
    /// The points issued by rule (`issuedByRule.total == pointsIssued`).
    public var issuedByRule: IssuedPoints
    /// Points spent on rewards, net of what full refunds handed back.
    public var pointsRedeemed: Int64
    /// Points taken back by refunds.
    public var pointsReversed: Int64
    /// Points expired.
    public var pointsExpired: Int64
    /// Points still open (spendable and pending).
    public var pointsOpen: Int64
    /// Codes issued (redemptions and gifts).
    public var codesIssued: Int
    /// Codes used on orders.
    public var codesUsed: Int
    /// Codes that reached their expiry unused.
    public var codesExpired: Int
    /// Redemptions refused (not enough points, limits).
    public var redemptionsRefused: Int
    /// Membership fees collected (minor units).
    public var membershipFeesMinor: Int64
    /// Orders placed by active members.
    public var memberOrders: Int
    /// What members saved on them: member prices and shipping (minor units).
    public var memberSavingsMinor: Int64
    /// Customers per tier id (`""` for no tier).
    public var tierCounts: [String: Int]
    /// Tier changes of all customers by kind (`upgrade`, `downgrade`, `refund_downgrade`, …).
    public var tierChanges: [String: Int]
    /// The liability at the end.
    public var liability: LiabilityReport
}
