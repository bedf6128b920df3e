public import FlywheelCore
import Foundation
import PostgresNIO

extension PostgresStore {
    public func saveImportedMember(_ member: ImportedLoyaltyMember) async throws -> Bool {
        // Without a conflict target, a clash on either unique key (customer, referral code) inserts nothing.
        let inserted = try await rows(
            """
            INSERT INTO loyalty_imported_members (customer, source, source_tier, tier, tier_until, referral_code,
                referral_link, opted_in, imported_at)
            VALUES (\(member.customer), \(member.source), \(member.sourceTier), \(member.tier), \
            \(member.tierUntil.map(PostgresTimestamp.init)), \(member.referralCode), \(member.referralLink), \
            \(member.optedIn), \(PostgresTimestamp(member.importedAt)))
            ON CONFLICT DO NOTHING RETURNING customer
            """)
        if !inserted.isEmpty { return true }
        if try await importedMember(customer: member.customer) != nil { return false }
        throw ImportedMemberStoreError.duplicateReferralCode(member.referralCode ?? "")
    }

    public func importedMember(customer: String) async throws -> ImportedLoyaltyMember? {
        try await rows("\(unescaped: Self.importedMemberSelect) WHERE customer = \(customer)").first
            .map(Self.importedMember(row:))
    }

    public func importedMember(referralCode: String) async throws -> ImportedLoyaltyMember? {
        try await rows("\(unescaped: Self.importedMemberSelect) WHERE referral_code = \(referralCode)").first
            .map(Self.importedMember(row:))
    }

    public func importedMembers() async throws -> [ImportedLoyaltyMember] {
        try await rows("\(unescaped: Self.importedMemberSelect) ORDER BY customer COLLATE \"C\"")
            .map(Self.importedMember(row:))
    }

    public func ledgerCustomers() async throws -> [String] {
        try await rows("SELECT DISTINCT customer COLLATE \"C\" AS customer FROM loyalty_sources ORDER BY 1")
            .map { try PostgresStoredRow($0, table: "loyalty_sources").string("customer") }
    }

    private static let importedMemberSelect = """
        SELECT customer, source, source_tier, tier, tier_until, referral_code, referral_link, opted_in, imported_at
        FROM loyalty_imported_members
        """

    private static func importedMember(row: PostgresRow) throws -> ImportedLoyaltyMember {
        let r = PostgresStoredRow(row, table: "loyalty_imported_members")
        return ImportedLoyaltyMember(
            customer: try r.string("customer"), source: try r.string("source"),
            sourceTier: try r.optionalString("source_tier"), tier: try r.optionalString("tier"),
            tierUntil: try r.optionalDate("tier_until"), referralCode: try r.optionalString("referral_code"),
            referralLink: try r.optionalString("referral_link"), optedIn: try r.optional("opted_in", as: Bool.self),
            importedAt: try r.date("imported_at"))
    }
}
