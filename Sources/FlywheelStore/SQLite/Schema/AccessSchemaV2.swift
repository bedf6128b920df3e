/// The second schema step: API keys, remembered idempotent answers, webhook receipts, and the indexes the
/// API's listings filter by (orders by time, customers by e-mail).
enum AccessSchemaV2 {
    static let name = "v2 access and listings"

    static let statements: [String] = [
        """
        CREATE TABLE api_keys (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            scopes TEXT NOT NULL,
            secret_hash TEXT NOT NULL UNIQUE CHECK (length(secret_hash) = 64),
            created_at INTEGER NOT NULL,
            revoked_at INTEGER
        ) STRICT
        """,
        """
        CREATE TABLE idempotency_records (
            key TEXT PRIMARY KEY,
            request_hash TEXT NOT NULL,
            status_code INTEGER NOT NULL,
            body BLOB NOT NULL,
            created_at INTEGER NOT NULL
        ) STRICT
        """,
        """
        CREATE TABLE webhook_receipts (
            id TEXT PRIMARY KEY,
            topic TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            outcome TEXT NOT NULL
        ) STRICT
        """,
        "CREATE INDEX orders_by_placed_at ON orders(placed_at)",
        "CREATE INDEX customers_by_email ON customers(email)",
    ]
}
