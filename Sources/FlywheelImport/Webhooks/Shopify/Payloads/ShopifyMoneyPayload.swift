/// An amount in one currency as Shopify writes it: a decimal string (`"199.00"`) and an ISO code.
struct ShopifyMoneyPayload: Decodable, Hashable, Sendable {
    let amount: String
    let currencyCode: String

    private enum CodingKeys: String, CodingKey {
        case amount
        case currencyCode = "currency_code"
    }
}
