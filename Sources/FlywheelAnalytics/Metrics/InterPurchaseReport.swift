public import Foundation

/// Time between purchases: over all purchase occasions, and per category and per product — the gap between
/// two consecutive occasions of a customer on which it bought that category (or SKU): the replenishment
/// cycle.
public struct InterPurchaseReport: Hashable, Codable, Sendable {
    public var asOf: Date
    public var segment: CustomerFilter
    public var overall: InterPurchaseStats?
    /// Categories and products with at least one gap, most gaps first (ties by name).
    public var byCategory: [GroupedInterPurchase]
    public var byProduct: [GroupedInterPurchase]
}
