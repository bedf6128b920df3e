/// How many records of one kind were new, changed, or already stored as they are.
public struct UpsertTally: Hashable, Sendable {
    public var created = 0
    public var updated = 0
    public var unchanged = 0

    public init(created: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.created = created
        self.updated = updated
        self.unchanged = unchanged
    }

    public static func + (lhs: UpsertTally, rhs: UpsertTally) -> UpsertTally {
        UpsertTally(
            created: lhs.created + rhs.created, updated: lhs.updated + rhs.updated,
            unchanged: lhs.unchanged + rhs.unchanged)
    }
}

/// What an ingest did, per kind of record.
///
/// Customers are counted once per ingest session: a customer named by many orders of one import is created
/// (or updated, or unchanged) once, not once per order.
public struct IngestCounts: Hashable, Sendable {
    public var customers = UpsertTally()
    public var products = UpsertTally()
    public var orders = UpsertTally()
    public var refunds = UpsertTally()
    public var shipments = UpsertTally()
    public var returns = UpsertTally()
    public var marketingSpend = UpsertTally()
    public var surveyAnswers = UpsertTally()
    public var reviews = UpsertTally()
    public var checkouts = UpsertTally()

    public init() {}

    /// Whether the ingest created or updated any record the analytics count (everything but products and
    /// fulfilment records).
    public var changedAnalytics: Bool {
        [customers, orders, refunds, marketingSpend, surveyAnswers, reviews].contains { $0.created + $0.updated > 0 }
    }

    public static func + (lhs: IngestCounts, rhs: IngestCounts) -> IngestCounts {
        var sum = IngestCounts()
        sum.customers = lhs.customers + rhs.customers
        sum.products = lhs.products + rhs.products
        sum.orders = lhs.orders + rhs.orders
        sum.refunds = lhs.refunds + rhs.refunds
        sum.shipments = lhs.shipments + rhs.shipments
        sum.returns = lhs.returns + rhs.returns
        sum.marketingSpend = lhs.marketingSpend + rhs.marketingSpend
        sum.surveyAnswers = lhs.surveyAnswers + rhs.surveyAnswers
        sum.reviews = lhs.reviews + rhs.reviews
        sum.checkouts = lhs.checkouts + rhs.checkouts
        return sum
    }
}
