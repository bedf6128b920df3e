/// One line of an order: a product, how many, and what the line came to before order-level discounts.
public struct LineItem: Hashable, Sendable {
    public var sku: String?
    public var title: String?
    public var quantity: Int
    /// quantity × unit price, in the order's currency (minor units). Stored, because some sources (CDNOW)
    /// only know the line's total.
    public var totalMinor: Int64
    public var category: String?
    public var vendor: String?

    public init(
        sku: String? = nil, title: String? = nil, quantity: Int, totalMinor: Int64, category: String? = nil,
        vendor: String? = nil
    ) {
        self.sku = sku
        self.title = title
        self.quantity = quantity
        self.totalMinor = totalMinor
        self.category = category
        self.vendor = vendor
    }

    /// A line from a unit price: total = quantity × unit price.
    public init(
        sku: String? = nil, title: String? = nil, quantity: Int, unitPriceMinor: Int64, category: String? = nil,
        vendor: String? = nil
    ) {
        self.init(
            sku: sku, title: title, quantity: quantity, totalMinor: Int64(quantity) * unitPriceMinor,
            category: category, vendor: vendor)
    }
}
