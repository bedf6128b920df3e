public import FlywheelCore
public import Foundation
import PostgresNIO

extension PostgresStore {
    public func createAPIKey(_ key: APIKey) async throws {
        // ON CONFLICT without a target: a taken id or a taken secret hash both insert nothing.
        let inserted = try await rows(
            """
            INSERT INTO api_keys (id, name, scopes, secret_hash, created_at, revoked_at)
            VALUES (\(key.id), \(key.name), \(key.scopeList), \(key.secretHash), \(PostgresTimestamp(key.createdAt)), \
            \(key.revokedAt.map(PostgresTimestamp.init)))
            ON CONFLICT DO NOTHING RETURNING id
            """)
        guard !inserted.isEmpty else { throw AccessStoreError.duplicateKey(id: key.id) }
    }

    public func apiKey(secretHash: String) async throws -> APIKey? {
        try await rows("\(unescaped: Self.apiKeySelect) WHERE secret_hash = \(secretHash)").first.map(Self.apiKey(row:))
    }

    public func apiKeys() async throws -> [APIKey] {
        try await rows("\(unescaped: Self.apiKeySelect) ORDER BY created_at, id COLLATE \"C\"").map(Self.apiKey(row:))
    }

    public func revokeAPIKey(id: String, at: Date) async throws -> Bool {
        let revoked = try await rows(
            """
            UPDATE api_keys SET revoked_at = \(PostgresTimestamp(at)) WHERE id = \(id) AND revoked_at IS NULL
            RETURNING id
            """)
        return revoked.count == 1
    }

    public func idempotencyRecord(key: String) async throws -> IdempotencyRecord? {
        try await rows("\(unescaped: Self.idempotencySelect) WHERE key = \(key)").first.map(
            Self.idempotencyRecord(row:))
    }

    /// Inserts the record unless its key is stored. A concurrent save of the same key waits for the first to
    /// commit, inserts nothing, and then reads the first's record: the first wins.
    public func saveIdempotencyRecord(_ record: IdempotencyRecord) async throws -> IdempotencyRecord {
        let inserted = try await rows(
            """
            INSERT INTO idempotency_records (key, request_hash, status_code, body, created_at)
            VALUES (\(record.key), \(record.requestHash), \(record.statusCode), \(record.body), \
            \(PostgresTimestamp(record.createdAt)))
            ON CONFLICT (key) DO NOTHING RETURNING key
            """)
        if !inserted.isEmpty { return record }
        return try await idempotencyRecord(key: record.key) ?? record
    }

    public func webhookReceipt(id: String) async throws -> WebhookReceipt? {
        try await rows("SELECT id, topic, received_at, outcome FROM webhook_receipts WHERE id = \(id)").first.map {
            row in
            let r = PostgresStoredRow(row, table: "webhook_receipts")
            return WebhookReceipt(
                id: try r.string("id"), topic: try r.string("topic"), receivedAt: try r.date("received_at"),
                outcome: try r.string("outcome"))
        }
    }

    public func recordWebhookReceipt(_ receipt: WebhookReceipt) async throws -> Bool {
        let inserted = try await rows(
            """
            INSERT INTO webhook_receipts (id, topic, received_at, outcome)
            VALUES (\(receipt.id), \(receipt.topic), \(PostgresTimestamp(receipt.receivedAt)), \(receipt.outcome))
            ON CONFLICT (id) DO NOTHING RETURNING id
            """)
        return !inserted.isEmpty
    }

    private static let apiKeySelect = "SELECT id, name, scopes, secret_hash, created_at, revoked_at FROM api_keys"

    private static let idempotencySelect =
        "SELECT key, request_hash, status_code, body, created_at FROM idempotency_records"

    private static func apiKey(row: PostgresRow) throws -> APIKey {
        let r = PostgresStoredRow(row, table: "api_keys")
        guard let scopes = APIKey.scopes(parsing: try r.string("scopes")) else { throw r.unreadable("scopes") }
        return APIKey(
            id: try r.string("id"), name: try r.string("name"), scopes: scopes, secretHash: try r.string("secret_hash"),
            createdAt: try r.date("created_at"), revokedAt: try r.optionalDate("revoked_at"))
    }

    private static func idempotencyRecord(row: PostgresRow) throws -> IdempotencyRecord {
        let r = PostgresStoredRow(row, table: "idempotency_records")
        return IdempotencyRecord(
            key: try r.string("key"), requestHash: try r.string("request_hash"), statusCode: try r.int("status_code"),
            body: try r.decode("body", as: Data.self), createdAt: try r.date("created_at"))
    }
}
