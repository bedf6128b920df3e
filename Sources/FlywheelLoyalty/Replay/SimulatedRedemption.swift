/// How customers redeem in a replay of history that has no redemptions of its own (a programme simulated
/// before launch): an assumption, since the shop's history cannot say what customers would have done.
public enum SimulatedRedemption: String, Hashable, Sendable, CaseIterable, Codable {
    /// Nobody redeems: every point stays open until it expires (the upper bound of the liability).
    case never
    /// At each of their orders, before it earns, a customer redeems the cheapest reward (fewest points; the
    /// first in the catalogue on a tie) as often as their spendable points cover it and its limits allow
    /// (the upper bound of the redemption cost). The codes are not used on later orders: the history's
    /// orders carry their own discounts.
    case whenAffordable = "when-affordable"
}
