/// The seventeenth schema step: a segment send runs in pieces (docs/flows.md, "Segment sends"), and its campaign
/// row records how far it came — the members evaluated, handled and entered, and the last member handled, where a
/// send cut short goes on. All `NULL`/0 until the first piece; written only while the campaign is scheduled.
enum CampaignProgressSchemaV17 {
    static let name = "v17 campaign progress"

    static let statements: [String] = [
        "ALTER TABLE segment_campaigns ADD COLUMN progress_members INTEGER CHECK (progress_members >= 0)",
        "ALTER TABLE segment_campaigns ADD COLUMN progress_handled INTEGER NOT NULL DEFAULT 0 CHECK (progress_handled >= 0)",
        "ALTER TABLE segment_campaigns ADD COLUMN progress_entered INTEGER NOT NULL DEFAULT 0 CHECK (progress_entered >= 0)",
        "ALTER TABLE segment_campaigns ADD COLUMN progress_cursor TEXT",
        "ALTER TABLE segment_campaigns ADD COLUMN progress_at INTEGER",
    ]
}
