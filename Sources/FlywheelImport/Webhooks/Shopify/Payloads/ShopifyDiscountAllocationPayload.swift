/// The part of one discount application that fell on a line item or a shipping line (shop currency).
struct ShopifyDiscountAllocationPayload: Decodable, Hashable, Sendable {
    let amount: String
    /// Index into the order's `discount_applications`.
    let discountApplicationIndex: ShopifyWholeNumber

    private enum CodingKeys: String, CodingKey {
        case amount
        case discountApplicationIndex = "discount_application_index"
    }
}
