/// The thirteenth schema step on PostgreSQL: checkouts (as `CheckoutSchemaV13` on SQLite). The lines are a
/// JSON text column like SQLite's, so both engines read them with the same code.
enum PostgresCheckoutSchemaV13 {
    static let name = "v13 checkouts"

    static let statements: [String] = [
        """
        CREATE TABLE checkouts (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            external_id TEXT COLLATE "C" NOT NULL UNIQUE,
            customer_external_id TEXT COLLATE "C",
            email TEXT,
            created_at TIMESTAMPTZ NOT NULL,
            updated_at TIMESTAMPTZ NOT NULL,
            currency TEXT NOT NULL,
            total_minor BIGINT NOT NULL CHECK (total_minor >= 0),
            lines TEXT NOT NULL,
            recovery_url TEXT,
            completed_at TIMESTAMPTZ,
            order_external_id TEXT,
            content_hash BIGINT NOT NULL,
            CHECK (customer_external_id IS NOT NULL OR email IS NOT NULL)
        )
        """,
        """
        CREATE INDEX checkouts_open_by_update ON checkouts (updated_at)
        WHERE completed_at IS NULL AND order_external_id IS NULL
        """,
        "CREATE INDEX checkouts_by_customer ON checkouts (customer_external_id)",
        "CREATE INDEX checkouts_by_email ON checkouts (lower(email))",
    ]
}
