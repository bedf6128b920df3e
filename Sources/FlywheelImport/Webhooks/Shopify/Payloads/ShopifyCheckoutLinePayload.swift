/// One of a checkout's `line_items`: the unit `price` in the checkout's currency.
struct ShopifyCheckoutLinePayload: Decodable, Hashable, Sendable {
    let sku: String?
    let title: String?
    let variantTitle: String?
    let quantity: ShopifyWholeNumber
    let price: String

    private enum CodingKeys: String, CodingKey {
        case sku, title, quantity, price
        case variantTitle = "variant_title"
    }
}
