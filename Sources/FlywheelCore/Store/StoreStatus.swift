public import Foundation

/// What a database holds, at a glance (`flywheel status`).
public struct StoreStatus: Hashable, Sendable {
    public var schemaVersion: String
    public var customers: Int
    public var orders: Int
    public var products: Int
    public var shipments: Int
    public var refunds: Int
    public var returns: Int
    public var surveyAnswers: Int
    public var reviews: Int
    public var firstOrderAt: Date?
    public var lastOrderAt: Date?

    public init(
        schemaVersion: String, customers: Int, orders: Int, products: Int, shipments: Int, refunds: Int,
        returns: Int, surveyAnswers: Int, reviews: Int, firstOrderAt: Date?, lastOrderAt: Date?
    ) {
        self.schemaVersion = schemaVersion
        self.customers = customers
        self.orders = orders
        self.products = products
        self.shipments = shipments
        self.refunds = refunds
        self.returns = returns
        self.surveyAnswers = surveyAnswers
        self.reviews = reviews
        self.firstOrderAt = firstOrderAt
        self.lastOrderAt = lastOrderAt
    }
}
