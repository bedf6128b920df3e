/// The seventeenth schema step on PostgreSQL: a segment send's progress on its campaign row (as
/// `CampaignProgressSchemaV17` on SQLite).
enum PostgresCampaignProgressSchemaV17 {
    static let name = "v17 campaign progress"

    static let statements: [String] = [
        """
        ALTER TABLE segment_campaigns
            ADD COLUMN progress_members INTEGER CHECK (progress_members >= 0),
            ADD COLUMN progress_handled INTEGER NOT NULL DEFAULT 0 CHECK (progress_handled >= 0),
            ADD COLUMN progress_entered INTEGER NOT NULL DEFAULT 0 CHECK (progress_entered >= 0),
            ADD COLUMN progress_cursor TEXT COLLATE "C",
            ADD COLUMN progress_at TIMESTAMPTZ
        """
    ]
}
