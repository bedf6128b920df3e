import FlywheelCore
import Foundation
import GRDB

extension OutboxMessage {
    /// The columns of `outbox_messages`, in `sqliteArguments` order.
    static let sqliteColumns = """
        id, idempotency_key, customer_id, channel, message_class, recipient, template_id, locale, flow_id, \
        step_id, subject, body_text, body_html, headers, status, attempts, next_attempt_at, lease_owner, \
        last_error, provider_message_id, created_at, updated_at, sent_at
        """

    /// Selects messages; callers append a WHERE with bound values.
    static let sqliteSelect = "SELECT \(sqliteColumns) FROM outbox_messages"

    /// Inserts a message unless its key (or id) is taken.
    static let sqliteInsert = """
        INSERT INTO outbox_messages (\(sqliteColumns))
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT DO NOTHING
        """

    /// The values of `sqliteColumns`.
    func sqliteArguments() throws -> StatementArguments {
        let values: [(any DatabaseValueConvertible)?] = [
            id, idempotencyKey, customerID, channel.rawValue, messageClass, recipient, templateID, locale, flowID,
            stepID, content.subject, content.text, content.html, try OutboxHeadersJSON.encode(content.headers),
            status.rawValue, attempts, nextAttemptAt.map(EpochMilliseconds.from), leaseOwner, lastError,
            providerMessageID, EpochMilliseconds.from(createdAt), EpochMilliseconds.from(updatedAt),
            sentAt.map(EpochMilliseconds.from),
        ]
        return StatementArguments(values)
    }

    /// Reads a row of `sqliteSelect`.
    init(sqliteRow row: Row) throws {
        let r = StoredRow(row, table: "outbox_messages")
        guard let headers = OutboxHeadersJSON.decode(try r.string("headers")) else { throw r.unreadable("headers") }
        self.init(
            id: try r.string("id"), idempotencyKey: try r.string("idempotency_key"),
            customerID: try r.string("customer_id"), channel: try r.value("channel"),
            messageClass: try r.string("message_class"), recipient: try r.string("recipient"),
            content: OutboxContent(
                subject: r.optionalString("subject"), text: try r.string("body_text"),
                html: r.optionalString("body_html"), headers: headers),
            templateID: r.optionalString("template_id"), locale: r.optionalString("locale"),
            flowID: r.optionalString("flow_id"), stepID: r.optionalString("step_id"), createdAt: try r.date("created_at"))
        status = try r.value("status")
        attempts = try r.int("attempts")
        nextAttemptAt = r.optionalDate("next_attempt_at")
        leaseOwner = r.optionalString("lease_owner")
        lastError = r.optionalString("last_error")
        providerMessageID = r.optionalString("provider_message_id")
        updatedAt = try r.date("updated_at")
        sentAt = r.optionalDate("sent_at")
    }
}
