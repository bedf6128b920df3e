/// The fifth schema step: the durable flow scheduler's enrolment rows and the customers' timelines.
///
/// `customer_id` is the customer's external id without a foreign key: an event may enter a flow before the
/// customer's record arrives (webhooks come in any order), and erasure removes a customer's rows by that id.
enum FlowScheduleSchemaV5 {
    static let name = "v5 flow schedule"

    static let statements: [String] = [
        """
        CREATE TABLE flow_enrolments (
            row_id INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            customer_id TEXT NOT NULL,
            flow_id TEXT NOT NULL,
            flow_version INTEGER NOT NULL CHECK (flow_version >= 1),
            entry_key TEXT NOT NULL UNIQUE,
            state BLOB NOT NULL,
            due_at INTEGER,
            status TEXT NOT NULL,
            lease_owner TEXT,
            lease_expires_at INTEGER,
            attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        ) STRICT
        """,
        // Only what `claimDue` can hand out: active rows with a due time.
        """
        CREATE INDEX flow_enrolments_due ON flow_enrolments (due_at)
        WHERE status = 'active' AND due_at IS NOT NULL
        """,
        "CREATE INDEX flow_enrolments_by_customer ON flow_enrolments (customer_id)",
        """
        CREATE TABLE flow_timeline (
            sequence INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            customer_id TEXT NOT NULL,
            at INTEGER NOT NULL,
            kind TEXT NOT NULL,
            flow_id TEXT NOT NULL,
            flow_version INTEGER NOT NULL,
            enrolment_id TEXT NOT NULL,
            step_id TEXT,
            message_id TEXT,
            detail TEXT
        ) STRICT
        """,
        "CREATE INDEX flow_timeline_by_customer ON flow_timeline (customer_id, at, sequence)",
    ]
}
