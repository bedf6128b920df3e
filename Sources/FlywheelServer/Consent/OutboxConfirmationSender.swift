public import FlywheelCore
import FlywheelFlows
public import FlywheelMessaging
public import Foundation

/// Sends double opt-in confirmations through the outbox: the `optin_confirmation` template (de/en, shipped
/// with the other messages; a shop may override it) rendered in the customer's language with the signed
/// confirmation link and its expiry, queued as a transactional message (the customer asked for it: no
/// marketing consent needed, no unsubscribe link). The outbox's workers deliver it like any other.
///
/// Idempotent per confirmation: its key names the customer, the address's digest and the link's expiry (which
/// derives from the time of the request), so handing the same confirmation over twice queues one message,
/// while a new request some time later gets a new one.
public struct OutboxConfirmationSender: ConfirmationSender {
    /// The template id.
    public static let templateID = "optin_confirmation"

    private let enqueuer: OutboxEnqueuer
    private let shop: MessageContext.Shop
    private let settings: ShopSettings
    private let now: @Sendable () -> Date

    /// A sender rendering `templates` into `store`; `shop` fills the templates' shop fields.
    public init(
        store: any OutboxStore, templates: MessageTemplates, shop: MessageContext.Shop, settings: ShopSettings,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.enqueuer = OutboxEnqueuer(templates: templates, store: store, unsubscribeURL: { _, _ in nil })
        self.shop = shop
        self.settings = settings
        self.now = now
    }

    public func sendConfirmation(_ confirmation: OptInConfirmation) async throws {
        let locale = confirmation.customer.locale ?? settings.defaultLocale
        let digest = AddressDigest.of(confirmation.email, channel: .email)
        let key =
            "\(Self.templateID)/\(confirmation.customer.externalID)/\(digest.prefix(16))/"
            + "\(Int64((confirmation.expiresAt.timeIntervalSince1970 * 1000).rounded()))"
        let outgoing = OutgoingMessage(
            idempotencyKey: key, customerID: confirmation.customer.externalID, flowID: "", flowVersion: 0, stepID: "",
            channel: .email, template: Self.templateID, locale: locale, subject: nil, messageClass: .transactional,
            basis: .notNeeded, variant: nil, priority: 0, expectedValueMinor: 0, createdAt: now())
        var values = MessageContext(
            shop: shop, firstName: confirmation.customer.firstName, links: ["confirm": confirmation.url.absoluteString]
        ).values
        let expires = MessageFormat(locale).date(settings.calendar.localDate(of: confirmation.expiresAt))
        if case .object(var fields) = values {
            fields["confirmation"] = ["expires": .string(expires)]
            values = .object(fields)
        }
        guard try await enqueuer.store.outboxMessage(idempotencyKey: key) == nil else { return }
        var message = try enqueuer.render(outgoing, recipient: confirmation.email, values: values)
        message.flowID = nil  // not a flow's message
        message.stepID = nil
        _ = try await enqueuer.store.enqueue(message)
    }
}
