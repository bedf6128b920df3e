public import FlywheelCore
public import Foundation
import GRDB

extension SQLiteStore {
    public func insertEnrolments(_ rows: [StoredEnrolment]) async throws -> Set<String> {
        guard !rows.isEmpty else { return [] }
        return try await pool.write { db in
            let statement = try db.cachedStatement(sql: StoredEnrolment.sqliteInsert)
            var inserted: Set<String> = []
            for row in rows {
                try statement.execute(arguments: row.sqliteArguments)
                if db.changesCount == 1 { inserted.insert(row.id) }
            }
            return inserted
        }
    }

    public func enrolment(id: String) async throws -> StoredEnrolment? {
        try await pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT \(StoredEnrolment.sqliteColumns) FROM flow_enrolments WHERE id = ?", arguments: [id]
            ).map(StoredEnrolment.init(sqliteRow:))
        }
    }

    public func enrolments(customerID: String) async throws -> [StoredEnrolment] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT \(StoredEnrolment.sqliteColumns) FROM flow_enrolments WHERE customer_id = ? ORDER BY row_id",
                arguments: [customerID]
            ).map(StoredEnrolment.init(sqliteRow:))
        }
    }

    /// One write transaction: `UPDATE … WHERE row_id IN (SELECT … LIMIT n) RETURNING`. SQLite has one writer
    /// at a time, so two claimers (tasks or processes on the file) take turns and never share a row.
    public func claimDue(now: Date, limit: Int, owner: String, lease: TimeInterval) async throws -> [StoredEnrolment] {
        guard limit > 0 else { return [] }
        let nowMS = EpochMilliseconds.from(now)
        let expiry = EpochMilliseconds.from(now.addingTimeInterval(lease))
        return try await pool.write { db in
            let claim = try FastStatement(
                db,
                sql: """
                    UPDATE flow_enrolments
                    SET lease_owner = ?1, lease_expires_at = ?2, due_at = ?2, attempts = attempts + 1, updated_at = ?3
                    WHERE row_id IN (
                        SELECT row_id FROM flow_enrolments
                        WHERE status = 'active' AND due_at IS NOT NULL AND due_at <= ?3
                        ORDER BY due_at LIMIT ?4)
                    RETURNING \(StoredEnrolment.sqliteColumns)
                    """)
            claim.reset()
            try claim.bind(1, owner)
            try claim.bind(2, expiry)
            try claim.bind(3, nowMS)
            try claim.bind(4, limit)
            var rows: [StoredEnrolment] = []
            rows.reserveCapacity(limit)
            // Stepped to the end even when a row does not read: RETURNING applies every update only then.
            var unreadable: (any Error)?
            while try claim.step() {
                do { rows.append(try StoredEnrolment(sqliteStatement: claim)) } catch { unreadable = unreadable ?? error }
            }
            claim.reset()
            if let unreadable { throw unreadable }
            return rows.sorted { $0.id < $1.id }
        }
    }

    public func claimEnrolments(ids: [String], now: Date, owner: String, lease: TimeInterval) async throws
        -> [StoredEnrolment]
    {
        guard !ids.isEmpty else { return [] }
        let nowMS = EpochMilliseconds.from(now)
        let expiry = EpochMilliseconds.from(now.addingTimeInterval(lease))
        let rows = try await pool.write { db in
            try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        UPDATE flow_enrolments
                        SET lease_owner = ?1, lease_expires_at = ?2, due_at = ?2, attempts = attempts + 1, updated_at = ?3
                        WHERE id IN (SELECT value FROM json_each(?4)) AND status = 'active'
                            AND (lease_expires_at IS NULL OR lease_expires_at <= ?3 OR lease_owner = ?1)
                        RETURNING \(StoredEnrolment.sqliteColumns)
                        """),
                arguments: [owner, expiry, nowMS, JSONArrayText.of(ids)]
            ).map(StoredEnrolment.init(sqliteRow:))
        }
        return rows.sorted { $0.id < $1.id }
    }

    /// One write transaction; the update and the timeline insert are prepared once and bound straight through
    /// SQLite's C API (a batch of 1,000 steps writes 1,000 rows and about 2,000 timeline lines).
    public func complete(_ completions: [EnrolmentCompletion], owner: String, now: Date) async throws -> Set<String> {
        guard !completions.isEmpty else { return [] }
        let nowMS = EpochMilliseconds.from(now)
        return try await pool.write { db in
            let update = try FastStatement(
                db,
                sql: """
                    UPDATE flow_enrolments
                    SET state = ?1, due_at = ?2, status = ?3, lease_owner = NULL, lease_expires_at = NULL,
                        attempts = CASE WHEN ?4 THEN 0 ELSE attempts END, updated_at = ?5
                    WHERE id = ?6 AND lease_owner = ?7
                    """)
            let append = try FastStatement(db, sql: TimelineEntry.sqliteInsert)
            var lost: Set<String> = []
            for completion in completions {
                let dueAt = completion.status == .active ? completion.dueAt.map(EpochMilliseconds.from) : nil
                update.reset()
                try update.bind(1, completion.state)
                try update.bind(2, dueAt)
                try update.bind(3, completion.status.rawValue)
                try update.bind(4, completion.succeeded)
                try update.bind(5, nowMS)
                try update.bind(6, completion.id)
                try update.bind(7, owner)
                try update.execute()
                guard update.changes == 1 else {
                    lost.insert(completion.id)
                    continue
                }
                for entry in completion.timeline {
                    try entry.bindSQLiteInsert(append)
                    try append.execute()
                }
            }
            update.reset()
            append.reset()
            return lost
        }
    }

    public func appendTimeline(_ entries: [TimelineEntry]) async throws {
        guard !entries.isEmpty else { return }
        try await pool.write { db in
            let append = try db.cachedStatement(sql: TimelineEntry.sqliteInsert)
            for entry in entries { try append.execute(arguments: entry.sqliteArguments) }
        }
    }

    public func timeline(customerID: String, before: TimelineCursor?, limit: Int) async throws -> TimelinePage {
        let limit = max(1, limit)
        let sql: String
        let arguments: StatementArguments
        if let before {
            let at = EpochMilliseconds.from(before.at)
            sql = """
                SELECT \(TimelineEntry.sqliteColumns) FROM flow_timeline
                WHERE customer_id = ? AND (at < ? OR (at = ? AND sequence < ?))
                ORDER BY at DESC, sequence DESC LIMIT ?
                """
            arguments = [customerID, at, at, before.sequence, limit + 1]
        } else {
            sql = """
                SELECT \(TimelineEntry.sqliteColumns) FROM flow_timeline WHERE customer_id = ?
                ORDER BY at DESC, sequence DESC LIMIT ?
                """
            arguments = [customerID, limit + 1]
        }
        let entries = try await pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map(TimelineEntry.init(sqliteRow:))
        }
        return TimelinePage.cut(entries, limit: limit)
    }
}
