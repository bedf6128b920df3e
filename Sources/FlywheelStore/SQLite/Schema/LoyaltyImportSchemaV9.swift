/// The ninth schema step: loyalty members imported from another provider (docs/loyalty.md, "Switching in"):
/// one record per customer with the tier it keeps at least until a date and its referral code (unique).
enum LoyaltyImportSchemaV9 {
    static let name = "v9 loyalty import"

    static let statements: [String] = [
        """
        CREATE TABLE loyalty_imported_members (
            customer TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            source_tier TEXT,
            tier TEXT,
            tier_until INTEGER,
            referral_code TEXT UNIQUE,
            referral_link TEXT,
            opted_in INTEGER CHECK (opted_in IN (0, 1)),
            imported_at INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID
        """
    ]
}
