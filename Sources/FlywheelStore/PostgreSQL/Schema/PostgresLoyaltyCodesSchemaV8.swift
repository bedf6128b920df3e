/// The eighth schema step on PostgreSQL: redemption codes unique across the shop (as `LoyaltyCodesSchemaV8`
/// on SQLite).
enum PostgresLoyaltyCodesSchemaV8 {
    static let name = "v8 loyalty codes"

    static let statements: [String] = [
        """
        CREATE UNIQUE INDEX loyalty_sources_redemption_code ON loyalty_sources (key) WHERE kind = 'redemption'
        """
    ]
}
