/// The fifth schema step on PostgreSQL: the flow scheduler's enrolment rows and the customers' timelines (as
/// `FlowScheduleSchemaV5` on SQLite).
enum PostgresFlowScheduleSchemaV5 {
    static let name = "v5 flow schedule"

    static let statements: [String] = [
        """
        CREATE TABLE flow_enrolments (
            row_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            id TEXT COLLATE "C" NOT NULL UNIQUE,
            customer_id TEXT COLLATE "C" NOT NULL,
            flow_id TEXT NOT NULL,
            flow_version INTEGER NOT NULL CHECK (flow_version >= 1),
            entry_key TEXT COLLATE "C" NOT NULL UNIQUE,
            state BYTEA NOT NULL,
            due_at TIMESTAMPTZ,
            status TEXT NOT NULL,
            lease_owner TEXT,
            lease_expires_at TIMESTAMPTZ,
            attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            created_at TIMESTAMPTZ NOT NULL,
            updated_at TIMESTAMPTZ NOT NULL
        )
        """,
        """
        CREATE INDEX flow_enrolments_due ON flow_enrolments (due_at)
        WHERE status = 'active' AND due_at IS NOT NULL
        """,
        "CREATE INDEX flow_enrolments_by_customer ON flow_enrolments (customer_id)",
        """
        CREATE TABLE flow_timeline (
            sequence BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            key TEXT COLLATE "C" NOT NULL UNIQUE,
            customer_id TEXT COLLATE "C" NOT NULL,
            at TIMESTAMPTZ NOT NULL,
            kind TEXT NOT NULL,
            flow_id TEXT NOT NULL,
            flow_version INTEGER NOT NULL,
            enrolment_id TEXT NOT NULL,
            step_id TEXT,
            message_id TEXT,
            detail TEXT
        )
        """,
        "CREATE INDEX flow_timeline_by_customer ON flow_timeline (customer_id, at, sequence)",
    ]
}
