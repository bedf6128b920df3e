/// Shopify's `*_set` money: the amount in the shop's currency and in the customer's (presentment) currency.
/// Flywheel reads `shop_money` only, so all of a shop's amounts add up in one currency.
struct ShopifyMoneySetPayload: Decodable, Hashable, Sendable {
    let shopMoney: ShopifyMoneyPayload
    let presentmentMoney: ShopifyMoneyPayload?

    private enum CodingKeys: String, CodingKey {
        case shopMoney = "shop_money"
        case presentmentMoney = "presentment_money"
    }
}
