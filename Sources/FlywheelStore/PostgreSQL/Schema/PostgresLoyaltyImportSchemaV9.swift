/// The ninth schema step on PostgreSQL: loyalty members imported from another provider (as
/// `LoyaltyImportSchemaV9` on SQLite).
enum PostgresLoyaltyImportSchemaV9 {
    static let name = "v9 loyalty import"

    static let statements: [String] = [
        """
        CREATE TABLE loyalty_imported_members (
            customer TEXT COLLATE "C" PRIMARY KEY,
            source TEXT NOT NULL,
            source_tier TEXT,
            tier TEXT,
            tier_until TIMESTAMPTZ,
            referral_code TEXT UNIQUE,
            referral_link TEXT,
            opted_in BOOLEAN,
            imported_at TIMESTAMPTZ NOT NULL
        )
        """
    ]
}
