/// The fourteenth schema step: saved segments and scheduled segment sends (docs/storage.md, "Segments and
/// campaigns"). A segment keeps its rule as JSON text under its name; a campaign is keyed by flow and campaign
/// id, and the partial index serves the scheduler's question, "which scheduled campaigns are due".
enum SegmentSchemaV14 {
    static let name = "v14 segments"

    static let statements: [String] = [
        """
        CREATE TABLE segments (
            name TEXT PRIMARY KEY,
            definition TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            updated_by TEXT NOT NULL
        ) STRICT, WITHOUT ROWID
        """,
        """
        CREATE TABLE segment_campaigns (
            flow_id TEXT NOT NULL,
            campaign TEXT NOT NULL,
            segment TEXT NOT NULL,
            send_at INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('scheduled', 'sent', 'cancelled')),
            created_by TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            finished_at INTEGER,
            PRIMARY KEY (flow_id, campaign),
            CHECK ((status = 'scheduled') = (finished_at IS NULL))
        ) STRICT, WITHOUT ROWID
        """,
        """
        CREATE INDEX segment_campaigns_due ON segment_campaigns (send_at) WHERE status = 'scheduled'
        """,
    ]
}
