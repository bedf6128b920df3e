/// One of an order's `line_items`. Amounts are the plain fields, which Shopify gives in the shop's currency.
struct ShopifyLineItemPayload: Decodable, Hashable, Sendable {
    let sku: String?
    /// Product and variant title (`Kaffee - 500 g`), the export's `Lineitem name`.
    let name: String?
    let title: String?
    let quantity: ShopifyWholeNumber
    /// Unit price before discounts.
    let price: String
    let vendor: String?
    /// Present only when the payload carries it (Shopify's REST order line items do not); the category.
    let productType: String?
    let discountAllocations: [ShopifyDiscountAllocationPayload]?

    private enum CodingKeys: String, CodingKey {
        case sku, name, title, quantity, price, vendor
        case productType = "product_type"
        case discountAllocations = "discount_allocations"
    }
}
