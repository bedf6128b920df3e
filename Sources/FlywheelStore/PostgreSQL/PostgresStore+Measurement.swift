public import FlywheelCore
public import Foundation
import PostgresNIO

extension PostgresStore: FlowMeasurementStore {
    /// One statement: the row is inserted for a message the outbox holds, or its counter raised when it exists
    /// (`xmax = 0` tells a fresh row from an updated one); no row comes back for an unknown message.
    public func recordMessageEvent(_ event: MessageEvent) async throws -> MessageEventOutcome {
        let at = PostgresTimestamp(event.at)
        let rows = try await rows(
            """
            INSERT INTO message_events (message_id, kind, first_at, last_at, count, url)
            SELECT id, \(event.kind.rawValue), \(at), \(at), 1, \(event.url) FROM outbox_messages
            WHERE id = \(event.messageID)
            ON CONFLICT (message_id, kind) DO UPDATE SET count = message_events.count + 1,
                last_at = GREATEST(message_events.last_at, EXCLUDED.last_at)
            RETURNING (xmax = 0) AS inserted
            """)
        guard let row = rows.first else { return .unknownMessage }
        return try PostgresStoredRow(row, table: "message_events").decode("inserted", as: Bool.self) ? .first : .repeated
    }

    public func messageEventCount(messageID: String, kind: MessageEvent.Kind) async throws -> Int {
        let rows = try await rows(
            "SELECT count FROM message_events WHERE message_id = \(messageID) AND kind = \(kind.rawValue)")
        return try rows.first.map { try PostgresStoredRow($0, table: "message_events").int("count") } ?? 0
    }

    public func flowMeasurementRecords(flowID: String, from: Date?, before: Date?) async throws
        -> FlowMeasurementRecords
    {
        let start = PostgresTimestamp(from ?? Date(timeIntervalSince1970: -62_135_596_800))
        let end = PostgresTimestamp(before ?? Date(timeIntervalSince1970: 253_402_300_799))
        let enrolments = try await rows(
            """
            SELECT \(unescaped: StoredEnrolment.postgresColumns) FROM flow_enrolments
            WHERE flow_id = \(flowID) AND created_at >= \(start) AND created_at < \(end) ORDER BY row_id
            """
        ).map(StoredEnrolment.init(postgresRow:))
        let messages = try await rows(
            """
            SELECT m.id, m.idempotency_key, m.customer_id, m.status, m.created_at,
                (SELECT first_at FROM message_events e WHERE e.message_id = m.id AND e.kind = 'open') AS opened_at,
                (SELECT first_at FROM message_events e WHERE e.message_id = m.id AND e.kind = 'click') AS clicked_at
            FROM outbox_messages m WHERE m.flow_id = \(flowID) AND m.created_at >= \(start) ORDER BY m.id
            """
        ).map { row in
            let r = PostgresStoredRow(row, table: "outbox_messages")
            return TrackedMessage(
                id: try r.string("id"), idempotencyKey: try r.string("idempotency_key"),
                customerID: try r.string("customer_id"), status: try r.value("status"), createdAt: try r.date("created_at"),
                openedAt: try r.optionalDate("opened_at"), clickedAt: try r.optionalDate("clicked_at"))
        }
        guard let earliest = enrolments.map(\.createdAt).min() else {
            return FlowMeasurementRecords(enrolments: [], messages: messages, orders: [])
        }
        let customers = Array(Set(enrolments.map(\.customerID)))
        let orders = try await rows(
            """
            SELECT o.external_id, c.external_id AS customer, o.placed_at, o.currency, o.total_minor,
                o.cancelled_at IS NOT NULL AS cancelled
            FROM customers c JOIN orders o ON o.customer_id = c.id
            WHERE c.external_id = ANY(\(customers)::text[]) AND o.placed_at >= \(PostgresTimestamp(earliest))
            ORDER BY c.external_id, o.placed_at, o.external_id
            """
        ).map { row in
            let r = PostgresStoredRow(row, table: "orders")
            return AttributableOrder(
                externalID: try r.string("external_id"), customerID: try r.string("customer"),
                placedAt: try r.date("placed_at"),
                total: Money(minorUnits: try r.int64("total_minor"), currency: try r.currency("currency")),
                cancelled: try r.decode("cancelled", as: Bool.self))
        }
        return FlowMeasurementRecords(enrolments: enrolments, messages: messages, orders: orders)
    }

    public func measuredFlowIDs() async throws -> [String] {
        try await rows("SELECT DISTINCT flow_id COLLATE \"C\" AS flow_id FROM flow_enrolments ORDER BY 1").map {
            try PostgresStoredRow($0, table: "flow_enrolments").string("flow_id")
        }
    }
}
