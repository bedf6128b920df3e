public import FlywheelCore
import Foundation
import GRDB

extension SQLiteStore {
    public func saveImportedMember(_ member: ImportedLoyaltyMember) async throws -> Bool {
        try await pool.write { db in
            if let code = member.referralCode,
                let holder = try String.fetchOne(
                    db, sql: "SELECT customer FROM loyalty_imported_members WHERE referral_code = ?", arguments: [code]),
                holder != member.customer
            {
                throw ImportedMemberStoreError.duplicateReferralCode(code)
            }
            try db.execute(
                sql: """
                    INSERT INTO loyalty_imported_members (customer, source, source_tier, tier, tier_until,
                        referral_code, referral_link, opted_in, imported_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (customer) DO NOTHING
                    """,
                arguments: [
                    member.customer, member.source, member.sourceTier, member.tier,
                    member.tierUntil.map(EpochMilliseconds.from), member.referralCode, member.referralLink,
                    member.optedIn, EpochMilliseconds.from(member.importedAt),
                ])
            return db.changesCount == 1
        }
    }

    public func importedMember(customer: String) async throws -> ImportedLoyaltyMember? {
        try await pool.read { db in try Self.importedMembers(db, where: "customer = ?", [customer]).first }
    }

    public func importedMember(referralCode: String) async throws -> ImportedLoyaltyMember? {
        try await pool.read { db in try Self.importedMembers(db, where: "referral_code = ?", [referralCode]).first }
    }

    public func importedMembers() async throws -> [ImportedLoyaltyMember] {
        try await pool.read { db in try Self.importedMembers(db, where: "1 = 1", []) }
    }

    public func ledgerCustomers() async throws -> [String] {
        // SQLite compares TEXT with memcmp (BINARY): byte order, as `KeyOrder`.
        try await pool.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT customer FROM loyalty_sources ORDER BY customer")
        }
    }

    private static func importedMembers(_ db: Database, where condition: String, _ arguments: StatementArguments)
        throws -> [ImportedLoyaltyMember]
    {
        try Row.fetchAll(
            db, sql: "SELECT * FROM loyalty_imported_members WHERE \(condition) ORDER BY customer",
            arguments: arguments
        ).map { row in
            let r = StoredRow(row, table: "loyalty_imported_members")
            let optedIn: Int64? = r.optionalInt64("opted_in")
            return ImportedLoyaltyMember(
                customer: try r.string("customer"), source: try r.string("source"),
                sourceTier: r.optionalString("source_tier"), tier: r.optionalString("tier"),
                tierUntil: r.optionalDate("tier_until"), referralCode: r.optionalString("referral_code"),
                referralLink: r.optionalString("referral_link"), optedIn: optedIn.map { $0 != 0 },
                importedAt: try r.date("imported_at"))
        }
    }
}
