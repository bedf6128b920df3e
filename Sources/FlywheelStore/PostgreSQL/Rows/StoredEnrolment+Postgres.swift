import FlywheelCore
import Foundation
import PostgresNIO

extension StoredEnrolment {
    /// The columns every read of `flow_enrolments` selects.
    static let postgresColumns = """
        id, customer_id, flow_id, flow_version, entry_key, state, due_at, status, lease_owner, lease_expires_at, \
        attempts, created_at, updated_at
        """

    init(postgresRow row: PostgresRow) throws {
        let r = PostgresStoredRow(row, table: "flow_enrolments")
        self.init(
            id: try r.string("id"), customerID: try r.string("customer_id"), flowID: try r.string("flow_id"),
            flowVersion: try r.int("flow_version"), entryKey: try r.string("entry_key"),
            state: try r.decode("state", as: Data.self), dueAt: try r.optionalDate("due_at"),
            status: try r.value("status"), leaseOwner: try r.optionalString("lease_owner"),
            leaseExpiresAt: try r.optionalDate("lease_expires_at"), attempts: try r.int("attempts"),
            createdAt: try r.date("created_at"), updatedAt: try r.date("updated_at"))
    }
}

extension TimelineEntry {
    static let postgresColumns =
        "sequence, key, customer_id, at, kind, flow_id, flow_version, enrolment_id, step_id, message_id, detail"

    init(postgresRow row: PostgresRow) throws {
        let r = PostgresStoredRow(row, table: "flow_timeline")
        self.init(
            key: try r.string("key"), customerID: try r.string("customer_id"), at: try r.date("at"),
            kind: try r.value("kind"), flowID: try r.string("flow_id"), flowVersion: try r.int("flow_version"),
            enrolmentID: try r.string("enrolment_id"), stepID: try r.optionalString("step_id"),
            messageID: try r.optionalString("message_id"), detail: try r.optionalString("detail"),
            sequence: try r.int64("sequence"))
    }
}

/// Timeline entries as one array per column, for `INSERT … SELECT … FROM unnest(…)`.
struct TimelineColumns {
    var keys: [String] = []
    var customers: [String] = []
    var times: [PostgresTimestamp] = []
    var kinds: [String] = []
    var flows: [String] = []
    var versions: [Int32] = []
    var enrolments: [String] = []
    var steps = NullableArray<String>()
    var messages = NullableArray<String>()
    var details = NullableArray<String>()

    var isEmpty: Bool { keys.isEmpty }

    mutating func append(_ entry: TimelineEntry) {
        keys.append(entry.key)
        customers.append(entry.customerID)
        times.append(PostgresTimestamp(entry.at))
        kinds.append(entry.kind.rawValue)
        flows.append(entry.flowID)
        versions.append(Int32(clamping: entry.flowVersion))
        enrolments.append(entry.enrolmentID)
        steps.append(entry.stepID)
        messages.append(entry.messageID)
        details.append(entry.detail)
    }

    /// Inserts the entries in their order (the identity gives them ascending sequences); known keys are skipped.
    var insert: PostgresQuery {
        """
        INSERT INTO flow_timeline (key, customer_id, at, kind, flow_id, flow_version, enrolment_id, step_id, \
        message_id, detail)
        SELECT key, customer_id, at, kind, flow_id, flow_version, enrolment_id, step_id, message_id, detail
        FROM unnest(\(keys)::text[], \(customers)::text[], \(times)::timestamptz[], \(kinds)::text[], \
        \(flows)::text[], \(versions)::integer[], \(enrolments)::text[], \(steps)::text[], \(messages)::text[], \
        \(details)::text[]) WITH ORDINALITY AS u(key, customer_id, at, kind, flow_id, flow_version, enrolment_id, \
        step_id, message_id, detail, position)
        ORDER BY position
        ON CONFLICT (key) DO NOTHING
        """
    }
}
