public import FlywheelCore
public import Foundation

/// A dead letter as an operator sees it (`GET /api/v1/outbox/dead-letters`, `flywheel outbox dead-letters`):
/// who, which channel and template, how often it was tried and why it failed — never the rendered body or
/// the recipient's address (personal data the list does not need).
public struct DeadLetter: Sendable, Hashable, Codable {
    public var id: String
    public var customerID: String
    public var channel: String
    public var messageClass: String
    public var templateID: String?
    public var locale: String?
    public var flowID: String?
    public var stepID: String?
    public var attempts: Int
    public var lastError: String?
    public var createdAt: Date
    /// When it failed for good.
    public var failedAt: Date

    /// The summary of a stored dead letter.
    public init(_ message: OutboxMessage) {
        id = message.id
        customerID = message.customerID
        channel = message.channel.rawValue
        messageClass = message.messageClass
        templateID = message.templateID
        locale = message.locale
        flowID = message.flowID
        stepID = message.stepID
        attempts = message.attempts
        lastError = message.lastError
        createdAt = message.createdAt
        failedAt = message.updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, channel, locale, attempts
        case customerID = "customer_id"
        case messageClass = "message_class"
        case templateID = "template_id"
        case flowID = "flow_id"
        case stepID = "step_id"
        case lastError = "last_error"
        case createdAt = "created_at"
        case failedAt = "failed_at"
    }
}
