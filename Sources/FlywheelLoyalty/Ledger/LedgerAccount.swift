/// An account of the points ledger. Every entry moves points from one account (debit) to another (credit).
///
/// `programme` is the issuer: it goes negative by everything ever awarded, so the sum of all accounts is
/// always zero.
public enum LedgerAccount: Hashable, Sendable, CustomStringConvertible {
    /// The programme that issues points; its balance is minus everything issued and not returned.
    case programme
    /// A customer's spendable points, identified by the shop's customer id.
    case available(customer: String)
    /// A customer's points earned by an order whose return window is still open: not yet spendable.
    case pending(customer: String)
    /// Points spent on rewards.
    case redeemed
    /// Points that reached their expiry.
    case expired
    /// Points taken back because the order that earned them was refunded.
    case reversed

    /// The customer whose points the account holds; `nil` for the programme's accounts.
    public var customer: String? {
        switch self {
        case .available(let customer), .pending(let customer): customer
        default: nil
        }
    }

    /// The account's name as written in exports and logs, e.g. `customer:42:available`.
    public var description: String {
        switch self {
        case .programme: "programme"
        case .available(let customer): "customer:\(customer):available"
        case .pending(let customer): "customer:\(customer):pending"
        case .redeemed: "redeemed"
        case .expired: "expired"
        case .reversed: "reversed"
        }
    }
}
