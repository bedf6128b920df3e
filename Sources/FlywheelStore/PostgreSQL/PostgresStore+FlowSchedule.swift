public import FlywheelCore
public import Foundation
import PostgresNIO

extension PostgresStore {
    public func insertEnrolments(_ rows: [StoredEnrolment]) async throws -> Set<String> {
        guard !rows.isEmpty else { return [] }
        var states: [ByteBuffer] = []
        var dueTimes = NullableArray<PostgresTimestamp>()
        var leaseOwners = NullableArray<String>()
        var leaseExpiries = NullableArray<PostgresTimestamp>()
        for row in rows {
            states.append(ByteBuffer(bytes: row.state))
            dueTimes.append(row.dueAt.map(PostgresTimestamp.init))
            leaseOwners.append(row.leaseOwner)
            leaseExpiries.append(row.leaseExpiresAt.map(PostgresTimestamp.init))
        }
        let inserted = try await self.rows(
            """
            INSERT INTO flow_enrolments (id, customer_id, flow_id, flow_version, entry_key, state, due_at, status, \
            lease_owner, lease_expires_at, attempts, created_at, updated_at)
            SELECT id, customer_id, flow_id, flow_version, entry_key, state, due_at, status, lease_owner, \
            lease_expires_at, attempts, created_at, updated_at
            FROM unnest(\(rows.map(\.id))::text[], \(rows.map(\.customerID))::text[], \(rows.map(\.flowID))::text[], \
            \(rows.map { Int32(clamping: $0.flowVersion) })::integer[], \(rows.map(\.entryKey))::text[], \
            \(states)::bytea[], \(dueTimes)::timestamptz[], \(rows.map(\.status.rawValue))::text[], \
            \(leaseOwners)::text[], \(leaseExpiries)::timestamptz[], \(rows.map { Int32(clamping: $0.attempts) })::integer[], \
            \(rows.map { PostgresTimestamp($0.createdAt) })::timestamptz[], \
            \(rows.map { PostgresTimestamp($0.updatedAt) })::timestamptz[]) WITH ORDINALITY
            AS u(id, customer_id, flow_id, flow_version, entry_key, state, due_at, status, lease_owner, \
            lease_expires_at, attempts, created_at, updated_at, position)
            ORDER BY position
            ON CONFLICT DO NOTHING RETURNING id
            """)
        return Set(try inserted.map { try $0.decode(String.self) })
    }

    public func enrolment(id: String) async throws -> StoredEnrolment? {
        try await rows("SELECT \(unescaped: StoredEnrolment.postgresColumns) FROM flow_enrolments WHERE id = \(id)")
            .first.map(StoredEnrolment.init(postgresRow:))
    }

    public func enrolments(customerID: String) async throws -> [StoredEnrolment] {
        try await rows(
            """
            SELECT \(unescaped: StoredEnrolment.postgresColumns) FROM flow_enrolments WHERE customer_id = \(customerID)
            ORDER BY row_id
            """
        ).map(StoredEnrolment.init(postgresRow:))
    }

    /// One statement: the due rows are selected `FOR UPDATE SKIP LOCKED` (rows another claimer is leasing
    /// right now are passed over, not waited for) and leased in the same statement, so concurrent claimers
    /// on any number of connections or machines get disjoint rows. A row whose lease another claimer
    /// committed meanwhile is re-checked and dropped (its `due_at` is the lease's expiry, not due).
    public func claimDue(now: Date, limit: Int, owner: String, lease: TimeInterval) async throws -> [StoredEnrolment] {
        guard limit > 0 else { return [] }
        let nowStamp = PostgresTimestamp(now)
        let expiry = PostgresTimestamp(now.addingTimeInterval(lease))
        let claimed = try await rows(
            """
            WITH due AS (
                SELECT row_id FROM flow_enrolments
                WHERE status = 'active' AND due_at IS NOT NULL AND due_at <= \(nowStamp)
                ORDER BY due_at LIMIT \(Int64(limit))
                FOR UPDATE SKIP LOCKED)
            UPDATE flow_enrolments AS e
            SET lease_owner = \(owner), lease_expires_at = \(expiry), due_at = \(expiry), attempts = e.attempts + 1,
                updated_at = \(nowStamp)
            FROM due WHERE e.row_id = due.row_id
            RETURNING \(unescaped: Self.prefixed(StoredEnrolment.postgresColumns, "e."))
            """)
        return try claimed.map(StoredEnrolment.init(postgresRow:)).sorted { $0.id < $1.id }
    }

    public func claimEnrolments(ids: [String], now: Date, owner: String, lease: TimeInterval) async throws
        -> [StoredEnrolment]
    {
        guard !ids.isEmpty else { return [] }
        let nowStamp = PostgresTimestamp(now)
        let expiry = PostgresTimestamp(now.addingTimeInterval(lease))
        let claimed = try await rows(
            """
            UPDATE flow_enrolments
            SET lease_owner = \(owner), lease_expires_at = \(expiry), due_at = \(expiry), attempts = attempts + 1,
                updated_at = \(nowStamp)
            WHERE id = ANY(\(ids)::text[]) AND status = 'active'
                AND (lease_expires_at IS NULL OR lease_expires_at <= \(nowStamp) OR lease_owner = \(owner))
            RETURNING \(unescaped: StoredEnrolment.postgresColumns)
            """)
        return try claimed.map(StoredEnrolment.init(postgresRow:)).sorted { $0.id < $1.id }
    }

    /// One transaction: the rows still leased to `owner` take their new state (one `UPDATE … FROM unnest`),
    /// then the timeline entries of those rows are appended.
    public func complete(_ completions: [EnrolmentCompletion], owner: String, now: Date) async throws -> Set<String> {
        guard !completions.isEmpty else { return [] }
        var states: [ByteBuffer] = []
        var dueTimes = NullableArray<PostgresTimestamp>()
        for completion in completions {
            states.append(ByteBuffer(bytes: completion.state))
            dueTimes.append(completion.status == .active ? completion.dueAt.map(PostgresTimestamp.init) : nil)
        }
        let ids = completions.map(\.id)
        let statuses = completions.map(\.status.rawValue)
        let succeeded = completions.map(\.succeeded)
        let nowStamp = PostgresTimestamp(now)
        return try await withConnection { connection in
            try await connection.transaction(logger: self.logger) { connection in
                let updated = try await connection.rows(
                    """
                    UPDATE flow_enrolments AS e
                    SET state = u.state, due_at = u.due_at, status = u.status, lease_owner = NULL,
                        lease_expires_at = NULL, attempts = CASE WHEN u.succeeded THEN 0 ELSE e.attempts END,
                        updated_at = \(nowStamp)
                    FROM unnest(\(ids)::text[], \(states)::bytea[], \(dueTimes)::timestamptz[], \(statuses)::text[], \
                    \(succeeded)::boolean[]) AS u(id, state, due_at, status, succeeded)
                    WHERE e.id = u.id AND e.lease_owner = \(owner)
                    RETURNING e.id
                    """, logger: self.logger)
                let kept = Set(try updated.map { try $0.decode(String.self) })
                var timeline = TimelineColumns()
                for completion in completions where kept.contains(completion.id) {
                    for entry in completion.timeline { timeline.append(entry) }
                }
                if !timeline.isEmpty { try await connection.run(timeline.insert, logger: self.logger) }
                return Set(ids).subtracting(kept)
            }
        }
    }

    public func appendTimeline(_ entries: [TimelineEntry]) async throws {
        guard !entries.isEmpty else { return }
        var timeline = TimelineColumns()
        for entry in entries { timeline.append(entry) }
        try await rows(timeline.insert)
    }

    public func timeline(customerID: String, before: TimelineCursor?, limit: Int) async throws -> TimelinePage {
        let limit = max(1, limit)
        let found: [PostgresRow]
        if let before {
            found = try await rows(
                """
                SELECT \(unescaped: TimelineEntry.postgresColumns) FROM flow_timeline
                WHERE customer_id = \(customerID) AND (at, sequence) < (\(PostgresTimestamp(before.at)), \(before.sequence))
                ORDER BY at DESC, sequence DESC LIMIT \(Int64(limit + 1))
                """)
        } else {
            found = try await rows(
                """
                SELECT \(unescaped: TimelineEntry.postgresColumns) FROM flow_timeline WHERE customer_id = \(customerID)
                ORDER BY at DESC, sequence DESC LIMIT \(Int64(limit + 1))
                """)
        }
        return TimelinePage.cut(try found.map(TimelineEntry.init(postgresRow:)), limit: limit)
    }

    /// `a, b` → `e.a, e.b`.
    private static func prefixed(_ columns: String, _ prefix: String) -> String {
        columns.split(separator: ",").map { prefix + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")
    }
}
