/// The sixth schema step on PostgreSQL: the outbox (as `OutboxSchemaV6` on SQLite).
///
/// `next_attempt_at` is when a worker may claim the row next; NULL once sent or dead, so the partial index
/// holds only the rows still on their way. Workers claim with `FOR UPDATE SKIP LOCKED`.
enum PostgresOutboxSchemaV6 {
    static let name = "v6 outbox"

    static let statements: [String] = [
        """
        CREATE TABLE outbox_messages (
            id TEXT COLLATE "C" PRIMARY KEY,
            idempotency_key TEXT COLLATE "C" NOT NULL UNIQUE,
            customer_id TEXT COLLATE "C" NOT NULL,
            channel TEXT NOT NULL,
            message_class TEXT NOT NULL,
            recipient TEXT NOT NULL,
            template_id TEXT,
            locale TEXT,
            flow_id TEXT,
            step_id TEXT,
            subject TEXT,
            body_text TEXT NOT NULL,
            body_html TEXT,
            headers TEXT NOT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL CHECK (attempts >= 0),
            next_attempt_at TIMESTAMPTZ,
            lease_owner TEXT,
            last_error TEXT,
            provider_message_id TEXT,
            created_at TIMESTAMPTZ NOT NULL,
            updated_at TIMESTAMPTZ NOT NULL,
            sent_at TIMESTAMPTZ
        )
        """,
        "CREATE INDEX outbox_messages_due ON outbox_messages (next_attempt_at, id) WHERE next_attempt_at IS NOT NULL",
        "CREATE INDEX outbox_messages_by_customer ON outbox_messages (customer_id, created_at)",
        "CREATE INDEX outbox_messages_dead ON outbox_messages (updated_at) WHERE status = 'dead'",
    ]
}
