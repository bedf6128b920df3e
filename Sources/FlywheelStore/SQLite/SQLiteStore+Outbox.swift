public import FlywheelCore
public import Foundation
import GRDB

extension SQLiteStore: OutboxStore {
    /// A batch of one (`enqueue(_ messages:)`): one way to bind a row.
    public func enqueue(_ message: OutboxMessage) async throws -> OutboxEnqueued {
        try await enqueue([message])[0]
    }

    /// One write transaction: each row inserted with one prepared statement (`ON CONFLICT DO NOTHING`, values
    /// bound straight through SQLite's C API), then the messages whose key was taken are read back with one
    /// statement. A taken id throws and rolls all back.
    public func enqueue(_ messages: [OutboxMessage]) async throws -> [OutboxEnqueued] {
        guard !messages.isEmpty else { return [] }
        for message in messages { try message.validate() }
        return try await pool.write { db in
            let insert = try FastStatement(db, sql: OutboxMessage.sqliteInsert)
            var inserted: [Bool] = []
            inserted.reserveCapacity(messages.count)
            for message in messages {
                try message.bindSQLiteInsert(insert)
                try insert.execute()
                inserted.append(insert.changes == 1)
            }
            insert.reset()
            let taken = zip(messages, inserted).filter { !$0.1 }.map { $0.0.idempotencyKey }
            var stored: [String: OutboxMessage] = [:]
            if !taken.isEmpty {
                for message in try Self.outboxMessages(
                    db, where: "idempotency_key IN (SELECT value FROM json_each(?))", [JSONArrayText.of(taken)])
                {
                    stored[message.idempotencyKey] = message
                }
            }
            return try zip(messages, inserted).map { message, isNew in
                if isNew { return OutboxEnqueued(message: message, isNew: true) }
                guard let existing = stored[message.idempotencyKey] else { throw OutboxStoreError.duplicateID(message.id) }
                return OutboxEnqueued(message: existing, isNew: false)
            }
        }
    }

    public func storedOutboxKeys(_ keys: [String]) async throws -> Set<String> {
        guard !keys.isEmpty else { return [] }
        return try await pool.read { db in
            Set(
                try String.fetchAll(
                    db,
                    sql: "SELECT idempotency_key FROM outbox_messages WHERE idempotency_key IN (SELECT value FROM json_each(?))",
                    arguments: [JSONArrayText.of(keys)]))
        }
    }

    /// One IMMEDIATE write transaction: it holds SQLite's write lock from its first statement, so no other
    /// connection or process can claim the same rows between the choice and the update.
    public func claimOutbox(owner: String, limit: Int, now: Date, leaseUntil: Date, channels: Set<OutboxChannel>)
        async throws -> [OutboxMessage]
    {
        guard limit > 0, !channels.isEmpty else { return [] }
        // Every channel (the usual case) needs no filter; a subset is bound as one JSON array.
        let filter = channels == OutboxChannel.every ? "" : "AND channel IN (SELECT value FROM json_each(?))"
        var arguments: StatementArguments = [EpochMilliseconds.from(now)]
        if !filter.isEmpty { arguments += [JSONArrayText.of(channels.map(\.rawValue).sorted())] }
        arguments += [limit]
        let choice = arguments
        return try await pool.writeWithoutTransaction { db in
            var claimed: [OutboxMessage] = []
            try db.inTransaction(.immediate) {
                let ids = try String.fetchAll(
                    db,
                    sql: """
                        SELECT id FROM outbox_messages WHERE next_attempt_at <= ? \(filter)
                        ORDER BY next_attempt_at, id LIMIT ?
                        """,
                    arguments: choice)
                guard !ids.isEmpty else { return .commit }
                let list = JSONArrayText.of(ids)
                try db.execute(
                    sql: """
                        UPDATE outbox_messages SET status = 'sending', attempts = attempts + 1, lease_owner = ?,
                            next_attempt_at = ?, updated_at = ?
                        WHERE id IN (SELECT value FROM json_each(?))
                        """,
                    arguments: [owner, EpochMilliseconds.from(leaseUntil), EpochMilliseconds.from(now), list])
                let rows = try Self.outboxMessages(db, where: "id IN (SELECT value FROM json_each(?))", [list])
                let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0) })
                claimed = ids.compactMap { byID[$0] }
                return .commit
            }
            return claimed
        }
    }

    public func recordOutboxOutcomes(_ outcomes: [OutboxOutcome], owner: String, now: Date) async throws -> Int {
        guard !outcomes.isEmpty else { return 0 }
        let nowMilliseconds = EpochMilliseconds.from(now)
        return try await pool.write { db in
            var applied = 0
            for outcome in outcomes {
                let (assignments, values): (String, [(any DatabaseValueConvertible)?]) =
                    switch outcome.result {
                    case .sent(let providerID):
                        ("status = 'sent', provider_message_id = ?, sent_at = ?, next_attempt_at = NULL",
                         [providerID, nowMilliseconds])
                    case .retry(let at, let error):
                        ("status = 'failed', last_error = ?, next_attempt_at = ?", [error, EpochMilliseconds.from(at)])
                    case .dead(let error):
                        ("status = 'dead', last_error = ?, next_attempt_at = NULL", [error])
                    case .withdrawn(let reason):
                        ("status = 'withdrawn', last_error = ?, next_attempt_at = NULL", [reason])
                    }
                try db.execute(
                    sql: """
                        UPDATE outbox_messages SET \(assignments), lease_owner = NULL, updated_at = ?
                        WHERE id = ? AND status = 'sending' AND lease_owner = ? AND attempts = ?
                        """,
                    arguments: StatementArguments(values + [nowMilliseconds, outcome.id, owner, outcome.attempt]))
                applied += db.changesCount
            }
            return applied
        }
    }

    public func outboxMessage(id: String) async throws -> OutboxMessage? {
        try await pool.read { db in try Self.outboxMessages(db, where: "id = ?", [id]).first }
    }

    public func outboxMessage(idempotencyKey: String) async throws -> OutboxMessage? {
        try await pool.read { db in try Self.outboxMessages(db, where: "idempotency_key = ?", [idempotencyKey]).first }
    }

    public func outboxMessages(customerID: String) async throws -> [OutboxMessage] {
        try await pool.read { db in
            try Self.outboxMessages(db, where: "customer_id = ? ORDER BY created_at, id", [customerID])
        }
    }

    public func deadLetters(after: DeadLetterCursor?, limit: Int) async throws -> [OutboxMessage] {
        try await pool.read { db in
            guard let after else {
                return try Self.outboxMessages(
                    db, where: "status = 'dead' ORDER BY updated_at DESC, id LIMIT ?", [max(0, limit)])
            }
            let at = EpochMilliseconds.from(after.failedAt)
            return try Self.outboxMessages(
                db,
                where: """
                    status = 'dead' AND (updated_at < ? OR (updated_at = ? AND id > ?))
                    ORDER BY updated_at DESC, id LIMIT ?
                    """,
                [at, at, after.id, max(0, limit)])
        }
    }

    public func discardDeadLetter(id: String, now: Date) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: """
                    UPDATE outbox_messages SET status = 'discarded', next_attempt_at = NULL, lease_owner = NULL,
                        updated_at = ?
                    WHERE id = ? AND status = 'dead'
                    """,
                arguments: [EpochMilliseconds.from(now), id])
            return db.changesCount == 1
        }
    }

    public func retryDeadLetter(id: String, now: Date) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: """
                    UPDATE outbox_messages SET status = 'queued', attempts = 0, next_attempt_at = ?, lease_owner = NULL,
                        updated_at = ?
                    WHERE id = ? AND status = 'dead'
                    """,
                arguments: [EpochMilliseconds.from(now), EpochMilliseconds.from(now), id])
            return db.changesCount == 1
        }
    }

    private static func outboxMessages(_ db: Database, where condition: String, _ arguments: StatementArguments)
        throws -> [OutboxMessage]
    {
        try Row.fetchAll(db, sql: "\(OutboxMessage.sqliteSelect) WHERE \(condition)", arguments: arguments)
            .map(OutboxMessage.init(sqliteRow:))
    }
}
