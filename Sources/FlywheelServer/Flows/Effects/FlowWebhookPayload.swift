public import Foundation

/// The JSON body a flow's `call_webhook` step posts (snake_case keys, sorted; no personal data beyond the
/// customer's id).
public struct FlowWebhookPayload: Sendable, Hashable, Encodable {
    /// The step's `event` name.
    public var event: String
    /// The same for every attempt of the same step visit (also the `Idempotency-Key` header).
    public var idempotencyKey: String
    public var customerID: String
    public var flowID: String
    public var flowVersion: Int
    public var stepID: String?
    public var enrolmentID: String
    /// The order the enrolment is about, if any.
    public var orderID: String?
    public var occurredAt: Date

    public init(
        event: String, idempotencyKey: String, customerID: String, flowID: String, flowVersion: Int, stepID: String?,
        enrolmentID: String, orderID: String?, occurredAt: Date
    ) {
        self.event = event
        self.idempotencyKey = idempotencyKey
        self.customerID = customerID
        self.flowID = flowID
        self.flowVersion = flowVersion
        self.stepID = stepID
        self.enrolmentID = enrolmentID
        self.orderID = orderID
        self.occurredAt = occurredAt
    }

    enum CodingKeys: String, CodingKey {
        case event
        case idempotencyKey = "idempotency_key"
        case customerID = "customer_id"
        case flowID = "flow_id"
        case flowVersion = "flow_version"
        case stepID = "step_id"
        case enrolmentID = "enrolment_id"
        case orderID = "order_id"
        case occurredAt = "occurred_at"
    }

    /// The body as sent: JSON with sorted keys, times in ISO 8601.
    public func body() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }
}
