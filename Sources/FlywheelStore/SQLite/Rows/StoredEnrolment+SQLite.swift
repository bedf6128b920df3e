import FlywheelCore
import Foundation
import GRDB

extension StoredEnrolment {
    /// The columns every read of `flow_enrolments` selects, in `init(sqliteRow:)`'s terms.
    static let sqliteColumns = """
        id, customer_id, flow_id, flow_version, entry_key, state, due_at, status, lease_owner, lease_expires_at, \
        attempts, created_at, updated_at
        """

    static let sqliteInsert = """
        INSERT INTO flow_enrolments (\(sqliteColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT DO NOTHING
        """

    init(sqliteRow row: Row) throws {
        let r = StoredRow(row, table: "flow_enrolments")
        guard let state: Data = row["state"] else { throw r.unreadable("state") }
        self.init(
            id: try r.string("id"), customerID: try r.string("customer_id"), flowID: try r.string("flow_id"),
            flowVersion: try r.int("flow_version"), entryKey: try r.string("entry_key"), state: state,
            dueAt: r.optionalDate("due_at"), status: try r.value("status"), leaseOwner: r.optionalString("lease_owner"),
            leaseExpiresAt: r.optionalDate("lease_expires_at"), attempts: try r.int("attempts"),
            createdAt: try r.date("created_at"), updatedAt: try r.date("updated_at"))
    }

    /// Reads the current row of a `FastStatement` that returns `sqliteColumns` (the claim's path: columns by
    /// position, no `Row` per result).
    init(sqliteStatement row: FastStatement) throws {
        func required(_ index: Int32, _ column: String) throws -> Int32 {
            if row.isNull(index) { throw SQLiteStoreError.unreadableValue(table: "flow_enrolments", column: column) }
            return index
        }
        func int(_ index: Int32, _ column: String) throws -> Int {
            guard let value = Int(exactly: row.int64(try required(index, column))) else {
                throw SQLiteStoreError.unreadableValue(table: "flow_enrolments", column: column)
            }
            return value
        }
        guard let status = EnrolmentStatus(rawValue: row.text(try required(7, "status"))) else {
            throw SQLiteStoreError.unreadableValue(table: "flow_enrolments", column: "status")
        }
        self.init(
            id: row.text(try required(0, "id")), customerID: row.text(try required(1, "customer_id")),
            flowID: row.text(try required(2, "flow_id")), flowVersion: try int(3, "flow_version"),
            entryKey: row.text(try required(4, "entry_key")), state: row.data(try required(5, "state")),
            dueAt: row.optionalInt64(6).map(EpochMilliseconds.date), status: status,
            leaseOwner: row.optionalText(8), leaseExpiresAt: row.optionalInt64(9).map(EpochMilliseconds.date),
            attempts: try int(10, "attempts"), createdAt: EpochMilliseconds.date(row.int64(try required(11, "created_at"))),
            updatedAt: EpochMilliseconds.date(row.int64(try required(12, "updated_at"))))
    }

    var sqliteArguments: StatementArguments {
        [
            id, customerID, flowID, flowVersion, entryKey, state, dueAt.map(EpochMilliseconds.from), status.rawValue,
            leaseOwner, leaseExpiresAt.map(EpochMilliseconds.from), attempts, EpochMilliseconds.from(createdAt),
            EpochMilliseconds.from(updatedAt),
        ]
    }
}

extension TimelineEntry {
    static let sqliteColumns =
        "sequence, key, customer_id, at, kind, flow_id, flow_version, enrolment_id, step_id, message_id, detail"

    static let sqliteInsert = """
        INSERT INTO flow_timeline (key, customer_id, at, kind, flow_id, flow_version, enrolment_id, step_id, \
        message_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING
        """

    init(sqliteRow row: Row) throws {
        let r = StoredRow(row, table: "flow_timeline")
        self.init(
            key: try r.string("key"), customerID: try r.string("customer_id"), at: try r.date("at"),
            kind: try r.value("kind"), flowID: try r.string("flow_id"), flowVersion: try r.int("flow_version"),
            enrolmentID: try r.string("enrolment_id"), stepID: r.optionalString("step_id"),
            messageID: r.optionalString("message_id"), detail: r.optionalString("detail"),
            sequence: try r.int64("sequence"))
    }

    var sqliteArguments: StatementArguments {
        [
            key, customerID, EpochMilliseconds.from(at), kind.rawValue, flowID, flowVersion, enrolmentID, stepID,
            messageID, detail,
        ]
    }

    /// Binds the values of `sqliteInsert` to it prepared as a `FastStatement`.
    func bindSQLiteInsert(_ statement: FastStatement) throws {
        statement.reset()
        try statement.bind(1, key)
        try statement.bind(2, customerID)
        try statement.bind(3, EpochMilliseconds.from(at))
        try statement.bind(4, kind.rawValue)
        try statement.bind(5, flowID)
        try statement.bind(6, flowVersion)
        try statement.bind(7, enrolmentID)
        try statement.bind(8, stepID)
        try statement.bind(9, messageID)
        try statement.bind(10, detail)
    }
}
