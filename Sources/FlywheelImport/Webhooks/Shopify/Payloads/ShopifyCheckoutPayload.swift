/// The body of `checkouts/create|update`. Flywheel keeps no checkouts yet; only the customer is read.
struct ShopifyCheckoutPayload: Decodable, Hashable, Sendable {
    /// Absent from recent API versions' payloads (which identify a checkout by its token).
    let id: ShopifyID?
    let customerLocale: String?
    let customer: ShopifyCustomerPayload?

    private enum CodingKeys: String, CodingKey {
        case id, customer
        case customerLocale = "customer_locale"
    }
}
