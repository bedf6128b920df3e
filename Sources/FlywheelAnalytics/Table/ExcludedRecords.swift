/// What the table was given but left out of every figure, so a report can say so.
public struct ExcludedRecords: Hashable, Codable, Sendable {
    /// Orders in a currency other than the shop's (distinct orders).
    public var ordersInOtherCurrencies = 0
    /// Orders that name no customer (guest checkouts without an e-mail): nobody to follow over time.
    public var guestOrders = 0
    /// Refunds in a currency other than their order's or the shop's.
    public var refundsInOtherCurrencies = 0
    /// Refunds whose order the table does not hold (yet): waiting for it, not applied.
    public var refundsWithoutOrder = 0
    /// Marketing spend records in a currency other than the shop's.
    public var spendInOtherCurrencies = 0
    /// Survey answers with a score outside the question's scale.
    public var answersOutOfScale = 0

    /// Nothing excluded.
    public init() {}

    /// Whether anything was left out.
    public var isEmpty: Bool { self == ExcludedRecords() }
}
