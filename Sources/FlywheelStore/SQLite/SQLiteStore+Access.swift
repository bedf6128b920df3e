public import FlywheelCore
public import Foundation
import GRDB

extension SQLiteStore {
    public func createAPIKey(_ key: APIKey) async throws {
        do {
            try await pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO api_keys (id, name, scopes, secret_hash, created_at, revoked_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        key.id, key.name, key.scopeList, key.secretHash, EpochMilliseconds.from(key.createdAt),
                        key.revokedAt.map(EpochMilliseconds.from),
                    ])
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw AccessStoreError.duplicateKey(id: key.id)
        }
    }

    public func apiKey(secretHash: String) async throws -> APIKey? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: Self.apiKeySelect + " WHERE secret_hash = ?", arguments: [secretHash])
                .map(Self.apiKey(row:))
        }
    }

    public func apiKeys() async throws -> [APIKey] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: Self.apiKeySelect + " ORDER BY created_at, id").map(Self.apiKey(row:))
        }
    }

    public func revokeAPIKey(id: String, at: Date) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                arguments: [EpochMilliseconds.from(at), id])
            return db.changesCount == 1
        }
    }

    public func idempotencyRecord(key: String) async throws -> IdempotencyRecord? {
        try await pool.read { db in try Self.idempotencyRecord(db, key: key) }
    }

    public func saveIdempotencyRecord(_ record: IdempotencyRecord) async throws -> IdempotencyRecord {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO idempotency_records (key, request_hash, status_code, body, created_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING
                    """,
                arguments: [
                    record.key, record.requestHash, record.statusCode, record.body,
                    EpochMilliseconds.from(record.createdAt),
                ])
            return try Self.idempotencyRecord(db, key: record.key) ?? record
        }
    }

    public func webhookReceipt(id: String) async throws -> WebhookReceipt? {
        try await pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT id, topic, received_at, outcome FROM webhook_receipts WHERE id = ?", arguments: [id]
            ).map { row in
                let r = StoredRow(row, table: "webhook_receipts")
                return WebhookReceipt(
                    id: try r.string("id"), topic: try r.string("topic"), receivedAt: try r.date("received_at"),
                    outcome: try r.string("outcome"))
            }
        }
    }

    public func recordWebhookReceipt(_ receipt: WebhookReceipt) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO webhook_receipts (id, topic, received_at, outcome) VALUES (?, ?, ?, ?)
                    ON CONFLICT (id) DO NOTHING
                    """,
                arguments: [receipt.id, receipt.topic, EpochMilliseconds.from(receipt.receivedAt), receipt.outcome])
            return db.changesCount == 1
        }
    }

    private static let apiKeySelect = "SELECT id, name, scopes, secret_hash, created_at, revoked_at FROM api_keys"

    private static func apiKey(row: Row) throws -> APIKey {
        let r = StoredRow(row, table: "api_keys")
        guard let scopes = APIKey.scopes(parsing: try r.string("scopes")) else {
            throw SQLiteStoreError.unreadableValue(table: "api_keys", column: "scopes")
        }
        return APIKey(
            id: try r.string("id"), name: try r.string("name"), scopes: scopes, secretHash: try r.string("secret_hash"),
            createdAt: try r.date("created_at"), revokedAt: r.optionalDate("revoked_at"))
    }

    private static func idempotencyRecord(_ db: Database, key: String) throws -> IdempotencyRecord? {
        try Row.fetchOne(
            db, sql: "SELECT key, request_hash, status_code, body, created_at FROM idempotency_records WHERE key = ?",
            arguments: [key]
        ).map { row in
            let r = StoredRow(row, table: "idempotency_records")
            let body: Data = row["body"] ?? Data()
            return IdempotencyRecord(
                key: try r.string("key"), requestHash: try r.string("request_hash"), statusCode: try r.int("status_code"),
                body: body, createdAt: try r.date("created_at"))
        }
    }
}
