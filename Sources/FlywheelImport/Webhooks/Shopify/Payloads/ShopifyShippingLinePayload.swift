/// One of an order's `shipping_lines`: its price and the discounts allocated to it (shop currency).
struct ShopifyShippingLinePayload: Decodable, Hashable, Sendable {
    let price: String?
    let discountAllocations: [ShopifyDiscountAllocationPayload]?

    private enum CodingKeys: String, CodingKey {
        case price
        case discountAllocations = "discount_allocations"
    }
}
