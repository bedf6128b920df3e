/// The tenth schema step on PostgreSQL: opens and clicks of outbox messages and the per-flow indexes of the
/// report (as `MeasurementSchemaV10` on SQLite).
enum PostgresMeasurementSchemaV10 {
    static let name = "v10 flow measurement"

    static let statements: [String] = [
        """
        CREATE TABLE message_events (
            message_id TEXT COLLATE "C" NOT NULL REFERENCES outbox_messages(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('open', 'click')),
            first_at TIMESTAMPTZ NOT NULL,
            last_at TIMESTAMPTZ NOT NULL,
            count INTEGER NOT NULL CHECK (count >= 1),
            url TEXT,
            PRIMARY KEY (message_id, kind)
        )
        """,
        "CREATE INDEX outbox_messages_by_flow ON outbox_messages (flow_id, created_at) WHERE flow_id IS NOT NULL",
        "CREATE INDEX flow_enrolments_by_flow ON flow_enrolments (flow_id, created_at)",
    ]
}
