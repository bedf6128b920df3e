import Foundation
import FlywheelCore

extension ShopifyWebhookMapper {
    /// Flywheel's key for a Shopify customer, the same as the export import's: the lower-cased e-mail, or
    /// `shopify-customer:<id>` for a customer without one (the export has no customer id).
    static func customerKey(email: String?, shopifyID: String) -> String {
        email ?? "shopify-customer:\(shopifyID)"
    }

    /// An e-mail as a key: trimmed and lower-cased; `nil` when empty.
    static func normalizedEmail(_ text: String?) -> String? {
        ShopifyFieldReader.nonEmpty(text)?.lowercased()
    }

    /// `customers/create` and `customers/update`: one customer upsert.
    func mapCustomer(_ payload: ShopifyCustomerPayload, _ context: Context) throws(ShopifyWebhookError)
        -> ShopifyWebhookOutcome
    {
        let customer = try customerRecord(payload, at: "", context)
        return .store(IngestBatch(customers: [customer]), notStored: nil)
    }

    /// Where a customer's values came from, for extra sources an order or checkout adds.
    struct CustomerExtras {
        /// The order's e-mail with its path, used when the customer object has none.
        var email: (value: String, path: String)?
        var billing: ShopifyAddressPayload?
        var locale: ShopLocale?
        /// When the customer object names no creation time (the order's time, as the export import uses).
        var createdAt: Date?
    }

    /// A customer record from a Shopify customer object at JSON path `prefix` (`""` or `"customer."`),
    /// checked with the domain's rules.
    func customerRecord(
        _ payload: ShopifyCustomerPayload, at prefix: String, extras: CustomerExtras = CustomerExtras(),
        _ context: Context
    ) throws(ShopifyWebhookError) -> Customer {
        let read = context.read
        let shopifyID = try read.id(payload.id, prefix + "id")
        var email = Self.normalizedEmail(payload.email)
        var emailPath = prefix + "email"
        if email == nil, let fallback = extras.email {
            email = fallback.value
            emailPath = fallback.path
        }
        var paths = ["customer_id": email == nil ? prefix + "id" : emailPath, "email": emailPath]
        var firstName = ShopifyFieldReader.nonEmpty(payload.firstName)
        if firstName == nil, let billing = ShopifyFieldReader.nonEmpty(extras.billing?.firstName) {
            firstName = billing
            paths["first_name"] = "billing_address.first_name"
        }
        var lastName = ShopifyFieldReader.nonEmpty(payload.lastName)
        if lastName == nil, let billing = ShopifyFieldReader.nonEmpty(extras.billing?.lastName) {
            lastName = billing
            paths["last_name"] = "billing_address.last_name"
        }
        let customer = Customer(
            externalID: Self.customerKey(email: email, shopifyID: shopifyID), email: email, firstName: firstName,
            lastName: lastName, locale: extras.locale, consent: try consent(payload, at: prefix, read),
            createdAt: try read.optionalInstant(payload.createdAt, prefix + "created_at") ?? extras.createdAt)
        try context.check.run(
            { () throws(ValidationError) in try customer.validate(now: context.now) },
            path: { paths[$0] ?? prefix + $0 })
        return customer
    }

    /// A customer known only by the order's e-mail (no customer object), as the export import records it.
    func customerRecord(email: String, extras: CustomerExtras, _ context: Context) throws(ShopifyWebhookError)
        -> Customer
    {
        let customer = Customer(
            externalID: email, email: email, firstName: ShopifyFieldReader.nonEmpty(extras.billing?.firstName),
            lastName: ShopifyFieldReader.nonEmpty(extras.billing?.lastName), locale: extras.locale,
            createdAt: extras.createdAt)
        let paths = [
            "customer_id": "email", "email": "email", "first_name": "billing_address.first_name",
            "last_name": "billing_address.last_name",
        ]
        try context.check.run(
            { () throws(ValidationError) in try customer.validate(now: context.now) }, path: { paths[$0] ?? $0 })
        return customer
    }

    /// Both consent objects as one `MarketingConsent`; `nil` when the payload has neither (nothing known,
    /// so a stored consent stays as it is).
    private func consent(_ payload: ShopifyCustomerPayload, at prefix: String, _ read: ShopifyFieldReader)
        throws(ShopifyWebhookError) -> MarketingConsent?
    {
        let email = payload.emailMarketingConsent
        let sms = payload.smsMarketingConsent
        if email == nil && sms == nil { return nil }
        var updatedAt: Date?
        for (object, key) in [(email, "email_marketing_consent"), (sms, "sms_marketing_consent")] {
            guard let object else { continue }
            if let time = try read.optionalInstant(object.consentUpdatedAt, prefix + key + ".consent_updated_at") {
                updatedAt = max(updatedAt ?? time, time)
            }
        }
        return MarketingConsent(
            email: Self.consentState(email?.state), sms: Self.consentState(sms?.state), updatedAt: updatedAt)
    }

    /// Shopify's consent states in Flywheel's words. `invalid` (an address that bounces) and `redacted`
    /// (erased on request) mean: never market, as `unsubscribed` does. `not_subscribed`, a missing object and
    /// states Shopify may add later are `unknown`, which also means no marketing.
    static func consentState(_ state: String?) -> ConsentState {
        switch state?.lowercased() {
        case "subscribed": .granted
        case "pending": .pending
        case "unsubscribed", "invalid", "redacted": .revoked
        default: .unknown
        }
    }
}
