/// The body of `refunds/create`.
struct ShopifyRefundPayload: Decodable, Hashable, Sendable {
    let id: ShopifyID
    let orderID: ShopifyID
    let createdAt: String
    let transactions: [ShopifyTransactionPayload]?
    let totalDutiesSet: ShopifyMoneySetPayload?
    let refundLineItems: [ShopifyRefundLineItemPayload]?

    private enum CodingKeys: String, CodingKey {
        case id, transactions
        case orderID = "order_id"
        case createdAt = "created_at"
        case totalDutiesSet = "total_duties_set"
        case refundLineItems = "refund_line_items"
    }
}
