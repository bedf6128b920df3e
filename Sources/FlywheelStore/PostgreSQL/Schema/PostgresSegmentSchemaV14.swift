/// The fourteenth schema step on PostgreSQL: saved segments and scheduled segment sends (as
/// `SegmentSchemaV14` on SQLite).
enum PostgresSegmentSchemaV14 {
    static let name = "v14 segments"

    static let statements: [String] = [
        """
        CREATE TABLE segments (
            name TEXT COLLATE "C" PRIMARY KEY,
            definition TEXT NOT NULL,
            created_at TIMESTAMPTZ NOT NULL,
            updated_at TIMESTAMPTZ NOT NULL,
            updated_by TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE segment_campaigns (
            flow_id TEXT COLLATE "C" NOT NULL,
            campaign TEXT COLLATE "C" NOT NULL,
            segment TEXT NOT NULL,
            send_at TIMESTAMPTZ NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('scheduled', 'sent', 'cancelled')),
            created_by TEXT NOT NULL,
            created_at TIMESTAMPTZ NOT NULL,
            finished_at TIMESTAMPTZ,
            PRIMARY KEY (flow_id, campaign),
            CHECK ((status = 'scheduled') = (finished_at IS NULL))
        )
        """,
        """
        CREATE INDEX segment_campaigns_due ON segment_campaigns (send_at) WHERE status = 'scheduled'
        """,
    ]
}
