/// Points a settled referral gave one side (referrer or friend), as written to the ledger.
public struct ReferralReward: Hashable, Sendable {
    /// The customer rewarded.
    public var customer: String
    /// The points.
    public var points: Int64
    /// The ledger source (`referral`, keyed `<friend>:referrer` or `<friend>:friend`).
    public var source: SourceEvent
}
