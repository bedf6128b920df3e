/// A flow's points award the ledger refused.
public struct LoyaltyFlowPointsError: Error, Sendable, CustomStringConvertible {
    /// The award's idempotency key.
    public var key: String
    public var reason: String

    public var description: String { "flow points \(key): refused by the ledger: \(reason)" }
}
