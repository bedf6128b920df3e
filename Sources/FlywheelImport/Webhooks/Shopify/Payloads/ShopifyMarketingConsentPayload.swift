/// A customer's `email_marketing_consent` or `sms_marketing_consent` object.
struct ShopifyMarketingConsentPayload: Decodable, Hashable, Sendable {
    /// `subscribed`, `not_subscribed`, `unsubscribed`, `pending`, `invalid` or `redacted`.
    let state: String
    let consentUpdatedAt: String?

    private enum CodingKeys: String, CodingKey {
        case state
        case consentUpdatedAt = "consent_updated_at"
    }
}
