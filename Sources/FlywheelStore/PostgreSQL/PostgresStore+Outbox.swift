public import FlywheelCore
public import Foundation
import PostgresNIO

extension PostgresStore: OutboxStore {
    public func enqueue(_ message: OutboxMessage) async throws -> OutboxEnqueued {
        try message.validate()
        if try await !rows(try message.postgresInsert()).isEmpty { return OutboxEnqueued(message: message, isNew: true) }
        guard let stored = try await outboxMessage(idempotencyKey: message.idempotencyKey) else {
            throw OutboxStoreError.duplicateID(message.id)
        }
        return OutboxEnqueued(message: stored, isNew: false)
    }

    /// One transaction on one connection: each row inserted (`ON CONFLICT DO NOTHING RETURNING id`), then the
    /// messages whose key was taken read back with one statement. A taken id throws and rolls all back.
    public func enqueue(_ messages: [OutboxMessage]) async throws -> [OutboxEnqueued] {
        guard !messages.isEmpty else { return [] }
        for message in messages { try message.validate() }
        let inserts = try messages.map { try $0.postgresInsert() }
        return try await withConnection { connection in
            try await connection.transaction(logger: self.logger) { connection in
                var inserted: [Bool] = []
                inserted.reserveCapacity(messages.count)
                for insert in inserts {
                    inserted.append(try await !connection.rows(insert, logger: self.logger).isEmpty)
                }
                let taken = zip(messages, inserted).filter { !$0.1 }.map { $0.0.idempotencyKey }
                var stored: [String: OutboxMessage] = [:]
                if !taken.isEmpty {
                    let rows = try await connection.rows(
                        "\(unescaped: OutboxMessage.postgresSelect) WHERE idempotency_key = ANY(\(taken)::text[])",
                        logger: self.logger)
                    for row in rows {
                        let message = try OutboxMessage(postgresRow: row)
                        stored[message.idempotencyKey] = message
                    }
                }
                return try zip(messages, inserted).map { message, isNew in
                    if isNew { return OutboxEnqueued(message: message, isNew: true) }
                    guard let existing = stored[message.idempotencyKey] else {
                        throw OutboxStoreError.duplicateID(message.id)
                    }
                    return OutboxEnqueued(message: existing, isNew: false)
                }
            }
        }
    }

    public func storedOutboxKeys(_ keys: [String]) async throws -> Set<String> {
        guard !keys.isEmpty else { return [] }
        let rows = try await rows("SELECT idempotency_key FROM outbox_messages WHERE idempotency_key = ANY(\(keys)::text[])")
        return Set(try rows.map { row in try PostgresStoredRow(row, table: "outbox_messages").string("idempotency_key") })
    }

    /// One statement: the due rows are locked `FOR UPDATE SKIP LOCKED`, so a concurrent claimer (another
    /// connection, another process) passes over them instead of waiting, and never gets the same row; a row
    /// it meets after our commit no longer qualifies (its `next_attempt_at` is the lease's end).
    public func claimOutbox(owner: String, limit: Int, now: Date, leaseUntil: Date, channels: Set<OutboxChannel>)
        async throws -> [OutboxMessage]
    {
        guard limit > 0, !channels.isEmpty else { return [] }
        // Every channel (the usual case) needs no filter.
        let names = channels == OutboxChannel.every ? OutboxChannel.allCases.map(\.rawValue) : channels.map(\.rawValue)
        let claimed = try await rows(
            """
            WITH due AS (
                SELECT id, next_attempt_at AS due_at FROM outbox_messages
                WHERE next_attempt_at <= \(PostgresTimestamp(now)) AND channel = ANY(\(names)::text[])
                ORDER BY next_attempt_at, id LIMIT \(limit)
                FOR UPDATE SKIP LOCKED
            )
            UPDATE outbox_messages AS o SET status = 'sending', attempts = o.attempts + 1, lease_owner = \(owner),
                next_attempt_at = \(PostgresTimestamp(leaseUntil)), updated_at = \(PostgresTimestamp(now))
            FROM due WHERE o.id = due.id
            RETURNING \(unescaped: Self.outboxReturning), due.due_at
            """)
        return try claimed.map { row -> (PostgresTimestamp, OutboxMessage) in
            (try PostgresStoredRow(row, table: "outbox_messages").decode("due_at"), try OutboxMessage(postgresRow: row))
        }
        .sorted { ($0.0.milliseconds, $0.1.id) < ($1.0.milliseconds, $1.1.id) }
        .map(\.1)
    }

    public func recordOutboxOutcomes(_ outcomes: [OutboxOutcome], owner: String, now: Date) async throws -> Int {
        guard !outcomes.isEmpty else { return 0 }
        let at = PostgresTimestamp(now)
        return try await withConnection { connection in
            try await connection.transaction(logger: self.logger) { connection in
                var applied = 0
                for outcome in outcomes {
                    let (id, attempt) = (outcome.id, outcome.attempt)
                    let query: PostgresQuery =
                        switch outcome.result {
                        case .sent(let providerID):
                            """
                            UPDATE outbox_messages SET status = 'sent', provider_message_id = \(providerID), \
                            sent_at = \(at), next_attempt_at = NULL, lease_owner = NULL, updated_at = \(at)
                            WHERE id = \(id) AND status = 'sending' AND lease_owner = \(owner) AND attempts = \(attempt)
                            RETURNING id
                            """
                        case .retry(let retryAt, let error):
                            """
                            UPDATE outbox_messages SET status = 'failed', last_error = \(error), \
                            next_attempt_at = \(PostgresTimestamp(retryAt)), lease_owner = NULL, updated_at = \(at)
                            WHERE id = \(id) AND status = 'sending' AND lease_owner = \(owner) AND attempts = \(attempt)
                            RETURNING id
                            """
                        case .dead(let error):
                            """
                            UPDATE outbox_messages SET status = 'dead', last_error = \(error), \
                            next_attempt_at = NULL, lease_owner = NULL, updated_at = \(at)
                            WHERE id = \(id) AND status = 'sending' AND lease_owner = \(owner) AND attempts = \(attempt)
                            RETURNING id
                            """
                        case .withdrawn(let reason):
                            """
                            UPDATE outbox_messages SET status = 'withdrawn', last_error = \(reason), \
                            next_attempt_at = NULL, lease_owner = NULL, updated_at = \(at)
                            WHERE id = \(id) AND status = 'sending' AND lease_owner = \(owner) AND attempts = \(attempt)
                            RETURNING id
                            """
                        }
                    applied += try await connection.rows(query, logger: self.logger).count
                }
                return applied
            }
        }
    }

    public func outboxMessage(id: String) async throws -> OutboxMessage? {
        try await rows("\(unescaped: OutboxMessage.postgresSelect) WHERE id = \(id)").first
            .map(OutboxMessage.init(postgresRow:))
    }

    public func outboxMessage(idempotencyKey: String) async throws -> OutboxMessage? {
        try await rows("\(unescaped: OutboxMessage.postgresSelect) WHERE idempotency_key = \(idempotencyKey)").first
            .map(OutboxMessage.init(postgresRow:))
    }

    public func outboxMessages(customerID: String) async throws -> [OutboxMessage] {
        try await rows(
            "\(unescaped: OutboxMessage.postgresSelect) WHERE customer_id = \(customerID) ORDER BY created_at, id"
        ).map(OutboxMessage.init(postgresRow:))
    }

    public func deadLetters(after: DeadLetterCursor?, limit: Int) async throws -> [OutboxMessage] {
        guard let after else {
            return try await rows(
                """
                \(unescaped: OutboxMessage.postgresSelect) WHERE status = 'dead'
                ORDER BY updated_at DESC, id COLLATE "C" LIMIT \(max(0, limit))
                """
            ).map(OutboxMessage.init(postgresRow:))
        }
        let at = PostgresTimestamp(after.failedAt)
        return try await rows(
            """
            \(unescaped: OutboxMessage.postgresSelect)
            WHERE status = 'dead' AND (updated_at < \(at) OR (updated_at = \(at) AND id COLLATE "C" > \(after.id)))
            ORDER BY updated_at DESC, id COLLATE "C" LIMIT \(max(0, limit))
            """
        ).map(OutboxMessage.init(postgresRow:))
    }

    public func discardDeadLetter(id: String, now: Date) async throws -> Bool {
        let at = PostgresTimestamp(now)
        return try await !rows(
            """
            UPDATE outbox_messages SET status = 'discarded', next_attempt_at = NULL, lease_owner = NULL, updated_at = \(at)
            WHERE id = \(id) AND status = 'dead' RETURNING id
            """
        ).isEmpty
    }

    public func retryDeadLetter(id: String, now: Date) async throws -> Bool {
        let at = PostgresTimestamp(now)
        return try await !rows(
            """
            UPDATE outbox_messages SET status = 'queued', attempts = 0, next_attempt_at = \(at), lease_owner = NULL,
                updated_at = \(at)
            WHERE id = \(id) AND status = 'dead' RETURNING id
            """
        ).isEmpty
    }

    /// The claimed rows' columns, named through the updated table (the CTE has an `id` too).
    private static let outboxReturning = OutboxMessage.postgresColumnNames.map { "o.\($0)" }.joined(separator: ", ")
}
