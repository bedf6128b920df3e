import FlywheelCore
import Foundation
import GRDB

extension OutboxMessage {
    /// The columns of `outbox_messages`, in `bindSQLiteInsert` order.
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

    /// Binds the values of `sqliteColumns` to `sqliteInsert` prepared as a `FastStatement` (the rendered
    /// bodies go to SQLite as UTF-8 without an argument array or boxed values).
    func bindSQLiteInsert(_ statement: FastStatement) throws {
        statement.reset()
        try statement.bind(1, id)
        try statement.bind(2, idempotencyKey)
        try statement.bind(3, customerID)
        try statement.bind(4, channel.rawValue)
        try statement.bind(5, messageClass)
        try statement.bind(6, recipient)
        try statement.bind(7, templateID)
        try statement.bind(8, locale)
        try statement.bind(9, flowID)
        try statement.bind(10, stepID)
        try statement.bind(11, content.subject)
        try statement.bind(12, content.text)
        try statement.bind(13, content.html)
        try statement.bind(14, OutboxHeadersJSON.encode(content.headers))
        try statement.bind(15, status.rawValue)
        try statement.bind(16, attempts)
        try statement.bind(17, nextAttemptAt.map(EpochMilliseconds.from))
        try statement.bind(18, leaseOwner)
        try statement.bind(19, lastError)
        try statement.bind(20, providerMessageID)
        try statement.bind(21, EpochMilliseconds.from(createdAt))
        try statement.bind(22, EpochMilliseconds.from(updatedAt))
        try statement.bind(23, sentAt.map(EpochMilliseconds.from))
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
