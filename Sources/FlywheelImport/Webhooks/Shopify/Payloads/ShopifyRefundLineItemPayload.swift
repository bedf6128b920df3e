/// One of a refund's `refund_line_items`; only its money set is read, to learn the shop's currency.
struct ShopifyRefundLineItemPayload: Decodable, Hashable, Sendable {
    let subtotalSet: ShopifyMoneySetPayload?

    private enum CodingKeys: String, CodingKey {
        case subtotalSet = "subtotal_set"
    }
}
