/// The names on an order's `billing_address`: the customer's name when the order has no customer object.
struct ShopifyAddressPayload: Decodable, Hashable, Sendable {
    let firstName: String?
    let lastName: String?

    private enum CodingKeys: String, CodingKey {
        case firstName = "first_name"
        case lastName = "last_name"
    }
}
