/// The outside event a ledger movement comes from; the ledger applies each source event at most once.
public struct SourceEvent: Hashable, Sendable, CustomStringConvertible {
    /// What kind of event moved the points.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case order, refund, redemption, expiry, referral, bonus, manual
    }

    /// What kind of event this is.
    public var kind: Kind
    /// The event's key outside the ledger (order id, refund id, webhook delivery id); unique per kind.
    public var key: String

    /// A source event of `kind` identified by `key`.
    public init(_ kind: Kind, key: String) {
        self.kind = kind
        self.key = key
    }

    /// `kind:key`, e.g. `order:1001`.
    public var description: String { "\(kind.rawValue):\(key)" }
}
