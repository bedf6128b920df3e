/// The outside event a ledger movement comes from; the ledger applies each source event at most once.
public struct SourceEvent: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What kind of event moved the points.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case order, refund, redemption, expiry, referral, bonus, manual
        /// An order's return window closed: its pending points become available (keyed by the order id).
        case release
        /// A fully refunded order's redeemed points handed back (keyed by the redemption key).
        case handBack = "hand_back"
        /// A movement brought in from another loyalty provider's export (`flywheel loyalty import`): a history
        /// row, the opening balance or the entry that reconciles the history with the provider's balance.
        case imported = "import"
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
