/// The account of a stored ledger entry, as the store keeps it: the customer's accounts (`available`,
/// `pending`) belong to the entry's customer, the others to the programme (see docs/loyalty.md).
public enum LedgerAccountKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// The programme that issues points.
    case programme
    /// The customer's spendable points.
    case available
    /// The customer's points that are not spendable yet (an order's return window is open).
    case pending
    /// Points spent on rewards.
    case redeemed
    /// Points that reached their expiry.
    case expired
    /// Points taken back because their order was refunded.
    case reversed

    /// Whether the account holds the customer's own points (`available` or `pending`).
    public var isCustomers: Bool { self == .available || self == .pending }
}
