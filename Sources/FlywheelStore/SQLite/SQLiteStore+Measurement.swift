public import FlywheelCore
public import Foundation
import GRDB

extension SQLiteStore: FlowMeasurementStore {
    public func recordMessageEvent(_ event: MessageEvent) async throws -> MessageEventOutcome {
        let at = EpochMilliseconds.from(event.at)
        return try await pool.write { db in
            try db.execute(
                sql: """
                    UPDATE message_events SET count = count + 1, last_at = max(last_at, ?)
                    WHERE message_id = ? AND kind = ?
                    """,
                arguments: [at, event.messageID, event.kind.rawValue])
            if db.changesCount == 1 { return .repeated }
            try db.execute(
                sql: """
                    INSERT INTO message_events (message_id, kind, first_at, last_at, count, url)
                    SELECT id, ?, ?, ?, 1, ? FROM outbox_messages WHERE id = ?
                    """,
                arguments: [event.kind.rawValue, at, at, event.url, event.messageID])
            return db.changesCount == 1 ? .first : .unknownMessage
        }
    }

    public func messageEventCount(messageID: String, kind: MessageEvent.Kind) async throws -> Int {
        try await pool.read { db in
            try Int.fetchOne(
                db, sql: "SELECT count FROM message_events WHERE message_id = ? AND kind = ?",
                arguments: [messageID, kind.rawValue]) ?? 0
        }
    }

    public func flowMeasurementRecords(flowID: String, from: Date?, before: Date?) async throws
        -> FlowMeasurementRecords
    {
        let start = from.map(EpochMilliseconds.from) ?? Int64.min
        let end = before.map(EpochMilliseconds.from) ?? Int64.max
        return try await pool.read { db in
            let enrolments = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(StoredEnrolment.sqliteColumns) FROM flow_enrolments
                    WHERE flow_id = ? AND created_at >= ? AND created_at < ? ORDER BY row_id
                    """,
                arguments: [flowID, start, end]
            ).map(StoredEnrolment.init(sqliteRow:))
            let messages = try Row.fetchAll(
                db,
                sql: """
                    SELECT m.id, m.idempotency_key, m.customer_id, m.status, m.created_at,
                        (SELECT first_at FROM message_events e WHERE e.message_id = m.id AND e.kind = 'open') AS opened_at,
                        (SELECT first_at FROM message_events e WHERE e.message_id = m.id AND e.kind = 'click') AS clicked_at
                    FROM outbox_messages m WHERE m.flow_id = ? AND m.created_at >= ? ORDER BY m.id
                    """,
                arguments: [flowID, start]
            ).map { row in
                let r = StoredRow(row, table: "outbox_messages")
                return TrackedMessage(
                    id: try r.string("id"), idempotencyKey: try r.string("idempotency_key"),
                    customerID: try r.string("customer_id"), status: try r.value("status"),
                    createdAt: try r.date("created_at"), openedAt: r.optionalDate("opened_at"),
                    clickedAt: r.optionalDate("clicked_at"))
            }
            guard let earliest = enrolments.map(\.createdAt).min() else {
                return FlowMeasurementRecords(enrolments: [], messages: messages, orders: [])
            }
            let customers = JSONArrayText.of(Array(Set(enrolments.map(\.customerID))))
            let orders = try Row.fetchAll(
                db,
                sql: """
                    SELECT o.external_id, c.external_id AS customer, o.placed_at, o.currency, o.total_minor,
                        o.cancelled_at
                    FROM customers c JOIN orders o ON o.customer_id = c.id
                    WHERE c.external_id IN (SELECT value FROM json_each(?)) AND o.placed_at >= ?
                    ORDER BY c.external_id, o.placed_at, o.external_id
                    """,
                arguments: [customers, EpochMilliseconds.from(earliest)]
            ).map { row in
                let r = StoredRow(row, table: "orders")
                return AttributableOrder(
                    externalID: try r.string("external_id"), customerID: try r.string("customer"),
                    placedAt: try r.date("placed_at"),
                    total: Money(minorUnits: try r.int64("total_minor"), currency: try r.currency("currency")),
                    cancelled: r.optionalInt64("cancelled_at") != nil)
            }
            return FlowMeasurementRecords(enrolments: enrolments, messages: messages, orders: orders)
        }
    }

    public func measuredFlowIDs() async throws -> [String] {
        try await pool.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT flow_id FROM flow_enrolments ORDER BY flow_id")
        }
    }
}
