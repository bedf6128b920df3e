/// The second schema step, as the SQLite engine's `v2 access and listings`: API keys, remembered idempotent
/// answers, webhook receipts, and the indexes the API's listings filter by (orders by time, customers by
/// e-mail).
enum PostgresAccessSchemaV2 {
    static let name = "v2 access and listings"

    static let statements: [String] = [
        """
        CREATE TABLE api_keys (
            id TEXT COLLATE "C" PRIMARY KEY,
            name TEXT NOT NULL,
            scopes TEXT NOT NULL,
            secret_hash TEXT NOT NULL UNIQUE CHECK (length(secret_hash) = 64),
            created_at TIMESTAMPTZ NOT NULL,
            revoked_at TIMESTAMPTZ
        )
        """,
        """
        CREATE TABLE idempotency_records (
            key TEXT COLLATE "C" PRIMARY KEY,
            request_hash TEXT NOT NULL,
            status_code INTEGER NOT NULL,
            body BYTEA NOT NULL,
            created_at TIMESTAMPTZ NOT NULL
        )
        """,
        """
        CREATE TABLE webhook_receipts (
            id TEXT COLLATE "C" PRIMARY KEY,
            topic TEXT NOT NULL,
            received_at TIMESTAMPTZ NOT NULL,
            outcome TEXT NOT NULL
        )
        """,
        "CREATE INDEX orders_by_placed_at ON orders (placed_at)",
        "CREATE INDEX customers_by_email ON customers (email)",
    ]
}
