/// A customer: the body of `customers/create|update`, or the `customer` object inside an order or checkout.
struct ShopifyCustomerPayload: Decodable, Hashable, Sendable {
    let id: ShopifyID
    let email: String?
    let firstName: String?
    let lastName: String?
    let createdAt: String?
    let emailMarketingConsent: ShopifyMarketingConsentPayload?
    let smsMarketingConsent: ShopifyMarketingConsentPayload?

    private enum CodingKeys: String, CodingKey {
        case id, email
        case firstName = "first_name"
        case lastName = "last_name"
        case createdAt = "created_at"
        case emailMarketingConsent = "email_marketing_consent"
        case smsMarketingConsent = "sms_marketing_consent"
    }
}
