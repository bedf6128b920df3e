/// The tenth schema step: opens and clicks of outbox messages (docs/flows.md, "Measurement"), and the
/// indexes a flow's report reads by (enrolments and messages per flow, by time).
///
/// One row per message and kind: the first event's time (and a click's target), the last time and a
/// counter. A message erased from the outbox takes its events with it.
enum MeasurementSchemaV10 {
    static let name = "v10 flow measurement"

    static let statements: [String] = [
        """
        CREATE TABLE message_events (
            message_id TEXT NOT NULL REFERENCES outbox_messages(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('open', 'click')),
            first_at INTEGER NOT NULL,
            last_at INTEGER NOT NULL,
            count INTEGER NOT NULL CHECK (count >= 1),
            url TEXT,
            PRIMARY KEY (message_id, kind)
        ) STRICT, WITHOUT ROWID
        """,
        "CREATE INDEX outbox_messages_by_flow ON outbox_messages (flow_id, created_at) WHERE flow_id IS NOT NULL",
        "CREATE INDEX flow_enrolments_by_flow ON flow_enrolments (flow_id, created_at)",
    ]
}
