/// The thirteenth schema step: checkouts, the abandoned-cart flow's input (docs/storage.md, "Checkouts").
///
/// A checkout refers to nothing by foreign key: its customer is kept as the external id (a checkout may
/// arrive before its customer, and a guest has only an e-mail), its order likewise. The lines are one JSON
/// column, replaced with the checkout. The partial index serves the sweep's question, "open checkouts last
/// updated in this window".
enum CheckoutSchemaV13 {
    static let name = "v13 checkouts"

    static let statements: [String] = [
        """
        CREATE TABLE checkouts (
            id INTEGER PRIMARY KEY,
            external_id TEXT NOT NULL UNIQUE,
            customer_external_id TEXT,
            email TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            currency TEXT NOT NULL,
            total_minor INTEGER NOT NULL CHECK (total_minor >= 0),
            lines TEXT NOT NULL,
            recovery_url TEXT,
            completed_at INTEGER,
            order_external_id TEXT,
            content_hash INTEGER NOT NULL,
            CHECK (customer_external_id IS NOT NULL OR email IS NOT NULL)
        ) STRICT
        """,
        """
        CREATE INDEX checkouts_open_by_update ON checkouts (updated_at)
        WHERE completed_at IS NULL AND order_external_id IS NULL
        """,
        "CREATE INDEX checkouts_by_customer ON checkouts (customer_external_id)",
        "CREATE INDEX checkouts_by_email ON checkouts (email)",
    ]
}
