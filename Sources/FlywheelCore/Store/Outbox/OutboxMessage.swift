public import Foundation

/// One message to deliver, as the outbox keeps it: rendered content, recipient and delivery state.
///
/// The `idempotencyKey` (a flow effect's `enrolmentID/stepID/historyCount`) is unique: enqueueing the same
/// key twice stores one message. Every attempt sends the same content, and the Message-ID derives from
/// the key, so a resend after a crash is recognisable.
public struct OutboxMessage: Sendable, Hashable, Identifiable {
    /// The message's id (chosen by whoever enqueues it).
    public var id: String
    /// Unique across the outbox: the effect that produced the message.
    public var idempotencyKey: String
    /// The customer's external id.
    public var customerID: String
    public var channel: OutboxChannel
    /// `transactional`, `service` or `marketing` (FlywheelFlows' `MessageClass`).
    public var messageClass: String
    /// The e-mail address or phone number.
    public var recipient: String
    /// The template it was rendered from and the locale used, for the timeline.
    public var templateID: String?
    public var locale: String?
    /// The flow and step that sent it, when a flow did.
    public var flowID: String?
    public var stepID: String?
    /// What is sent, on every attempt.
    public var content: OutboxContent

    public var status: OutboxStatus
    /// Attempts started so far (a claim starts one).
    public var attempts: Int
    /// When a worker may claim it next: the first or next attempt (`queued`, `failed`), the end of the lease
    /// (`sending`); `nil` once `sent` or `dead`.
    public var nextAttemptAt: Date?
    /// The worker holding the lease while `sending`.
    public var leaseOwner: String?
    /// Why the last attempt failed.
    public var lastError: String?
    /// The mail server's or gateway's id for the accepted message.
    public var providerMessageID: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var sentAt: Date?

    /// A new message, queued for its first attempt at `notBefore` (default: at once).
    public init(
        id: String, idempotencyKey: String, customerID: String, channel: OutboxChannel, messageClass: String,
        recipient: String, content: OutboxContent, templateID: String? = nil, locale: String? = nil,
        flowID: String? = nil, stepID: String? = nil, createdAt: Date, notBefore: Date? = nil
    ) {
        self.id = id
        self.idempotencyKey = idempotencyKey
        self.customerID = customerID
        self.channel = channel
        self.messageClass = messageClass
        self.recipient = recipient
        self.templateID = templateID
        self.locale = locale
        self.flowID = flowID
        self.stepID = stepID
        self.content = content
        status = .queued
        attempts = 0
        nextAttemptAt = notBefore ?? createdAt
        leaseOwner = nil
        lastError = nil
        providerMessageID = nil
        self.createdAt = createdAt
        updatedAt = createdAt
        sentAt = nil
    }

    /// Whether a worker may claim it at `now`: queued or failed and due, or sending under an expired lease.
    public func isClaimable(at now: Date) -> Bool {
        guard let next = nextAttemptAt, next <= now else { return false }
        return status == .queued || status == .failed || status == .sending
    }
}
