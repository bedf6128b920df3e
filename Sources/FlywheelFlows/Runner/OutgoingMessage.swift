public import FlywheelCore
public import Foundation

/// A message the runner wants sent: enough for the messaging side to render and deliver it exactly once.
public struct OutgoingMessage: Hashable, Sendable {
    /// Unique per enrolment and step visit; the transport's idempotency key.
    public var idempotencyKey: String
    public var customerID: String
    public var flowID: String
    public var flowVersion: Int
    public var stepID: String
    public var channel: Channel
    /// Template id in the messaging catalogue.
    public var template: String
    public var locale: ShopLocale
    /// E-mail subject in `locale`; `nil` for SMS.
    public var subject: String?
    public var messageClass: MessageClass
    /// The ground it is sent on; `needsOptOutNotice` tells the renderer to add the objection notice.
    public var basis: ConsentBasis
    public var variant: String?
    /// Copied from the flow, for the arbiter.
    public var priority: Int
    public var expectedValueMinor: Int64
    public var createdAt: Date

    public init(
        idempotencyKey: String, customerID: String, flowID: String, flowVersion: Int, stepID: String, channel: Channel,
        template: String, locale: ShopLocale, subject: String?, messageClass: MessageClass, basis: ConsentBasis,
        variant: String?, priority: Int, expectedValueMinor: Int64, createdAt: Date
    ) {
        self.idempotencyKey = idempotencyKey
        self.customerID = customerID
        self.flowID = flowID
        self.flowVersion = flowVersion
        self.stepID = stepID
        self.channel = channel
        self.template = template
        self.locale = locale
        self.subject = subject
        self.messageClass = messageClass
        self.basis = basis
        self.variant = variant
        self.priority = priority
        self.expectedValueMinor = expectedValueMinor
        self.createdAt = createdAt
    }
}
