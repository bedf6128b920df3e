/// One entry of an order's `discount_applications`: what the discount was; the amounts are in the
/// allocations of the lines it applied to.
struct ShopifyDiscountApplicationPayload: Decodable, Hashable, Sendable {
    /// `discount_code`, `automatic`, `manual` or `script`.
    let type: String?
    /// The code, for `discount_code` applications.
    let code: String?
    /// The name of an automatic, manual or script discount.
    let title: String?
    let description: String?
}
