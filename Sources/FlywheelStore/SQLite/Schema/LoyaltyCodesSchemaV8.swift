/// The eighth schema step: redemption codes unique across the shop (docs/loyalty.md, "Rewards and codes"). A
/// redemption's source key is its code; the ledger's own key is unique per customer, this index makes it
/// unique across customers, so a code names one customer's reward.
enum LoyaltyCodesSchemaV8 {
    static let name = "v8 loyalty codes"

    static let statements: [String] = [
        """
        CREATE UNIQUE INDEX loyalty_sources_redemption_code ON loyalty_sources (key) WHERE kind = 'redemption'
        """
    ]
}
