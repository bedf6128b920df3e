/// One entry of an order's `discount_codes`: a code and the amount it took off (shop currency).
struct ShopifyDiscountCodePayload: Decodable, Hashable, Sendable {
    let code: String
    let amount: String
    /// `fixed_amount`, `percentage` or `shipping`.
    let type: String?
}
