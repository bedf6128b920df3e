/// The body of `checkouts/create|update`: a checkout identified by its `token`, with its lines, total, the
/// link back to the cart (`abandoned_checkout_url`), and its customer or (a guest) only an `email`.
struct ShopifyCheckoutPayload: Decodable, Hashable, Sendable {
    let token: String?
    let email: String?
    let createdAt: String
    let updatedAt: String?
    let completedAt: String?
    let currency: String
    let totalPrice: String
    let lineItems: [ShopifyCheckoutLinePayload]?
    let abandonedCheckoutURL: String?
    let customerLocale: String?
    let customer: ShopifyCustomerPayload?

    private enum CodingKeys: String, CodingKey {
        case token, email, currency, customer
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case completedAt = "completed_at"
        case totalPrice = "total_price"
        case lineItems = "line_items"
        case abandonedCheckoutURL = "abandoned_checkout_url"
        case customerLocale = "customer_locale"
    }
}
