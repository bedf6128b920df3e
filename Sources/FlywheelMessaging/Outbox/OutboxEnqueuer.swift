public import FlywheelCore
public import FlywheelFlows
public import Foundation

/// Turns a flow's send (`OutgoingMessage`) into an outbox message: renders the template with the
/// customer's values in the message's locale (with fallback), adds the unsubscribe link and the opt-out
/// notice where the message needs them, and enqueues it under the send's idempotency key.
///
/// Rendering happens here, once: every attempt later sends exactly what was rendered, and enqueueing the
/// same send again (a scheduler that re-ran a step after a crash) stores nothing new.
public struct OutboxEnqueuer: Sendable {
    /// The unsubscribe page of a customer for a channel (signed; the server makes it), or `nil` for none.
    public typealias UnsubscribeURL = @Sendable (_ customerID: String, _ channel: Channel) -> URL?

    private let templates: MessageTemplates
    /// The outbox it writes to.
    public let store: any OutboxStore
    private let unsubscribeURL: UnsubscribeURL
    /// Open pixel and click redirects (docs/flows.md, "Measurement"); `nil`: messages go out untracked.
    private let tracking: TrackingLinks?

    /// An enqueuer rendering with `templates` into `store`, with `tracking` links when given.
    public init(
        templates: MessageTemplates, store: any OutboxStore, unsubscribeURL: @escaping UnsubscribeURL,
        tracking: TrackingLinks? = nil
    ) {
        self.templates = templates
        self.store = store
        self.unsubscribeURL = unsubscribeURL
        self.tracking = tracking
    }

    /// Renders and enqueues a flow's send to `recipient` (an e-mail address or phone number). `values` are
    /// the template's (customer, order, points, tier …, money and dates formatted for the locale).
    /// - Throws: `TemplateError` (unknown template, no such part in any locale of the chain) or the store's.
    @discardableResult
    public func enqueue(_ outgoing: OutgoingMessage, recipient: String, values: TemplateValue) async throws
        -> OutboxEnqueued
    {
        if let stored = try await store.outboxMessage(idempotencyKey: outgoing.idempotencyKey) {
            return OutboxEnqueued(message: stored, isNew: false)  // rendered once; do not render again
        }
        return try await store.enqueue(try render(outgoing, recipient: recipient, values: values))
    }

    /// The outbox message of a flow's send, rendered (no store involved).
    public func render(_ outgoing: OutgoingMessage, recipient: String, values: TemplateValue) throws -> OutboxMessage {
        let unsubscribe = outgoing.messageClass == .transactional
            ? nil : unsubscribeURL(outgoing.customerID, outgoing.channel)?.absoluteString
        let values = Self.values(values, unsubscribe: unsubscribe, optOutNotice: outgoing.basis.needsOptOutNotice)
        let id = Self.messageID(idempotencyKey: outgoing.idempotencyKey, createdAt: outgoing.createdAt)
        let untracked: Set<String> = unsubscribe.map { [$0] } ?? []
        var content: OutboxContent
        let locale: String
        switch outgoing.channel {
        case .email:
            // The flow's subject is for its locale; when the template fell back to another, so does the subject
            // (the template's is rendered only then).
            let rendered = try templates.renderEmail(
                outgoing.template, locale: outgoing.locale.rawValue, values: values, subjectInLocale: outgoing.subject)
            let subject = rendered.subject
            var headers: [OutboxHeader] = []
            if let unsubscribe {
                headers.append(OutboxHeader(name: "List-Unsubscribe", value: "<\(unsubscribe)>"))
                headers.append(OutboxHeader(name: "List-Unsubscribe-Post", value: "List-Unsubscribe=One-Click"))
            }
            content = OutboxContent(subject: subject, text: rendered.text, html: rendered.html, headers: headers)
            locale = rendered.locale
            if let tracking {
                content.html = content.html.map { tracking.html($0, messageID: id, excluding: untracked) }
                if tracking.rewritesPlainText { content.text = tracking.text(content.text, messageID: id, excluding: untracked) }
            }
        case .sms:
            let rendered = try templates.renderSMS(outgoing.template, locale: outgoing.locale.rawValue, values: values)
            content = OutboxContent(text: rendered.text)
            locale = rendered.locale
            if let tracking, tracking.rewritesSMS {
                content.text = tracking.text(content.text, messageID: id, excluding: untracked)
            }
        }
        return OutboxMessage(
            id: id, idempotencyKey: outgoing.idempotencyKey,
            customerID: outgoing.customerID, channel: outgoing.channel == .email ? .email : .sms,
            messageClass: outgoing.messageClass.rawValue, recipient: recipient, content: content,
            templateID: outgoing.template, locale: locale, flowID: outgoing.flowID, stepID: outgoing.stepID,
            createdAt: outgoing.createdAt)
    }

    /// The outbox id of a send: `out_`, the instant it was queued (12 hex digits of Unix milliseconds), then 80
    /// bits of its key's hash (20 hex digits) — 36 characters, as the older all-hash ids.
    ///
    /// Time first, so a round's messages sort after everything queued before them: their entries in the id's
    /// index (the primary key) and in the claim index `(next_attempt_at, id)` land on the last few pages instead
    /// of one random page each (docs/performance.md, "Where a mass of due steps writes"). The hash keeps ids of
    /// different keys in the same millisecond apart. The same send queued again at another instant gets
    /// another id, but never a second row: the idempotency key decides (the enqueuer looks it up first and the
    /// insert ignores a taken key), and a stored message keeps the id it was rendered with (its tracking links).
    public static func messageID(idempotencyKey: String, createdAt: Date) -> String {
        // Rounded as the stores keep instants; before 1970 (never, in practice) as 0.
        let milliseconds = UInt64(max(0, (createdAt.timeIntervalSince1970 * 1000).rounded()))
        let (high, low) = ExternalIDHash.hash(idempotencyKey)
        return "out_" + HexDigits.padded(milliseconds, digits: 12) + HexDigits.padded(high, digits: 16)
            + HexDigits.padded(low >> 48, digits: 4)
    }

    /// The caller's values with `links.unsubscribe` and `consent.optout_notice` set (other fields kept).
    static func values(_ values: TemplateValue, unsubscribe: String?, optOutNotice: Bool) -> TemplateValue {
        guard case .object(var fields) = values else { return values }
        if let unsubscribe {
            var links: [String: TemplateValue] = [:]
            if case .object(let given)? = fields["links"] { links = given }
            links["unsubscribe"] = .string(unsubscribe)
            fields["links"] = .object(links)
        }
        var consent: [String: TemplateValue] = [:]
        if case .object(let given)? = fields["consent"] { consent = given }
        consent["optout_notice"] = .bool(optOutNotice)
        fields["consent"] = .object(consent)
        return .object(fields)
    }
}
