import FlywheelCore
import Foundation
import PostgresNIO

extension OutboxMessage {
    /// The columns of `outbox_messages`.
    static let postgresColumnNames = [
        "id", "idempotency_key", "customer_id", "channel", "message_class", "recipient", "template_id", "locale",
        "flow_id", "step_id", "subject", "body_text", "body_html", "headers", "status", "attempts",
        "next_attempt_at", "lease_owner", "last_error", "provider_message_id", "created_at", "updated_at", "sent_at",
    ]
    static let postgresColumns = postgresColumnNames.joined(separator: ", ")

    /// Selects messages; callers append a WHERE with bound values.
    static let postgresSelect = "SELECT \(postgresColumns) FROM outbox_messages"

    /// Inserts the message unless its key or id is taken; returns its row when it was inserted.
    func postgresInsert() throws -> PostgresQuery {
        let headers = OutboxHeadersJSON.encode(content.headers)
        return """
            INSERT INTO outbox_messages (\(unescaped: Self.postgresColumns))
            VALUES (\(id), \(idempotencyKey), \(customerID), \(channel.rawValue), \(messageClass), \(recipient), \
            \(templateID), \(locale), \(flowID), \(stepID), \(content.subject), \(content.text), \(content.html), \
            \(headers), \(status.rawValue), \(attempts), \(nextAttemptAt.map(PostgresTimestamp.init)), \
            \(leaseOwner), \(lastError), \(providerMessageID), \(PostgresTimestamp(createdAt)), \
            \(PostgresTimestamp(updatedAt)), \(sentAt.map(PostgresTimestamp.init)))
            ON CONFLICT DO NOTHING RETURNING id
            """
    }

    /// Reads a row with the columns of `postgresColumns`.
    init(postgresRow row: PostgresRow) throws {
        let r = PostgresStoredRow(row, table: "outbox_messages")
        guard let headers = OutboxHeadersJSON.decode(try r.string("headers")) else { throw r.unreadable("headers") }
        self.init(
            id: try r.string("id"), idempotencyKey: try r.string("idempotency_key"),
            customerID: try r.string("customer_id"), channel: try r.value("channel"),
            messageClass: try r.string("message_class"), recipient: try r.string("recipient"),
            content: OutboxContent(
                subject: try r.optionalString("subject"), text: try r.string("body_text"),
                html: try r.optionalString("body_html"), headers: headers),
            templateID: try r.optionalString("template_id"), locale: try r.optionalString("locale"),
            flowID: try r.optionalString("flow_id"), stepID: try r.optionalString("step_id"),
            createdAt: try r.date("created_at"))
        status = try r.value("status")
        attempts = try r.int("attempts")
        nextAttemptAt = try r.optionalDate("next_attempt_at")
        leaseOwner = try r.optionalString("lease_owner")
        lastError = try r.optionalString("last_error")
        providerMessageID = try r.optionalString("provider_message_id")
        updatedAt = try r.date("updated_at")
        sentAt = try r.optionalDate("sent_at")
    }
}
