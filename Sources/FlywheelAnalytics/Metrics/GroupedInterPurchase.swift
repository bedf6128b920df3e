/// The gaps between purchases of one category or product.
public struct GroupedInterPurchase: Hashable, Codable, Sendable {
    /// The category or SKU.
    public var name: String
    public var stats: InterPurchaseStats
}
