/// A product the shop sells, identified by its SKU.
public struct Product: Hashable, Sendable {
    public var sku: String
    public var title: String
    public var category: String?
    /// The brand or the supplier that ships it (dropshipping).
    public var vendor: String?
    public var price: Money?
    /// For consumables: the usual days until a customer needs it again (replenishment reminders).
    public var reorderCycleDays: Int?

    public init(
        sku: String, title: String, category: String? = nil, vendor: String? = nil, price: Money? = nil,
        reorderCycleDays: Int? = nil
    ) {
        self.sku = sku
        self.title = title
        self.category = category
        self.vendor = vendor
        self.price = price
        self.reorderCycleDays = reorderCycleDays
    }
}
