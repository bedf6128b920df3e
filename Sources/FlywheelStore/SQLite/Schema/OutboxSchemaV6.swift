/// The sixth schema step: the outbox, one row per message to deliver (docs/messaging.md, "The outbox").
///
/// `next_attempt_at` is when a worker may claim the row next (the first or next attempt, or the end of a
/// lease); NULL once sent or dead, so the partial index holds only the rows still on their way.
enum OutboxSchemaV6 {
    static let name = "v6 outbox"

    static let statements: [String] = [
        """
        CREATE TABLE outbox_messages (
            id TEXT PRIMARY KEY,
            idempotency_key TEXT NOT NULL UNIQUE,
            customer_id TEXT NOT NULL,
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
            next_attempt_at INTEGER,
            lease_owner TEXT,
            last_error TEXT,
            provider_message_id TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            sent_at INTEGER
        ) STRICT
        """,
        "CREATE INDEX outbox_messages_due ON outbox_messages (next_attempt_at, id) WHERE next_attempt_at IS NOT NULL",
        "CREATE INDEX outbox_messages_by_customer ON outbox_messages (customer_id, created_at)",
        "CREATE INDEX outbox_messages_dead ON outbox_messages (updated_at) WHERE status = 'dead'",
    ]
}
