/// The body of `orders/create`, `orders/updated` and `orders/cancelled`: the whole order as it is now.
/// Only the fields Flywheel maps are decoded; everything else is ignored.
struct ShopifyOrderPayload: Decodable, Hashable, Sendable {
    let id: ShopifyID
    let email: String?
    let createdAt: String
    let processedAt: String?
    let cancelledAt: String?
    let currency: String
    let financialStatus: String
    let sourceName: String?
    let taxesIncluded: Bool?
    let test: Bool?
    let customerLocale: String?
    let subtotalPrice: String
    let totalPrice: String
    let totalTax: String?
    let totalTipReceived: String?
    let totalShippingPriceSet: ShopifyMoneySetPayload?
    let lineItems: [ShopifyLineItemPayload]
    let shippingLines: [ShopifyShippingLinePayload]?
    let discountApplications: [ShopifyDiscountApplicationPayload]?
    let discountCodes: [ShopifyDiscountCodePayload]?
    let customer: ShopifyCustomerPayload?
    let billingAddress: ShopifyAddressPayload?

    private enum CodingKeys: String, CodingKey {
        case id, email, currency, test, customer
        case createdAt = "created_at"
        case processedAt = "processed_at"
        case cancelledAt = "cancelled_at"
        case financialStatus = "financial_status"
        case sourceName = "source_name"
        case taxesIncluded = "taxes_included"
        case customerLocale = "customer_locale"
        case subtotalPrice = "subtotal_price"
        case totalPrice = "total_price"
        case totalTax = "total_tax"
        case totalTipReceived = "total_tip_received"
        case totalShippingPriceSet = "total_shipping_price_set"
        case lineItems = "line_items"
        case shippingLines = "shipping_lines"
        case discountApplications = "discount_applications"
        case discountCodes = "discount_codes"
        case billingAddress = "billing_address"
    }
}
