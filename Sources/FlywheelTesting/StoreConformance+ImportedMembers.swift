import FlywheelCore
import Foundation
import Testing

extension StoreConformance {
    static func importedMembersOnce(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        #expect(try await store.importedMembers().isEmpty)
        let anna = ImportedLoyaltyMember(
            customer: "c-b", source: "smile", sourceTier: "Gold", tier: "gold", tierUntil: StoreFixtures.date(day: 30),
            referralCode: "9qr5Pw", referralLink: "http://i.refs.cc/9qr5Pw", optedIn: true,
            importedAt: StoreFixtures.date(day: 2))
        let ben = ImportedLoyaltyMember(customer: "c-a", source: "yotpo", optedIn: false, importedAt: StoreFixtures.date(day: 3))
        #expect(try await store.saveImportedMember(anna))
        #expect(try await store.saveImportedMember(ben))
        #expect(try await store.importedMember(customer: "c-b") == anna)
        #expect(try await store.importedMember(customer: "c-zzz") == nil)
        #expect(try await store.importedMember(referralCode: "9qr5Pw") == anna)
        #expect(try await store.importedMember(referralCode: "9QR5PW") == nil)
        #expect(try await store.importedMembers() == [ben, anna])

        // The first record wins: a second import of the customer changes nothing.
        var later = anna
        later.tier = "silver"
        later.referralCode = "other"
        #expect(try await store.saveImportedMember(later) == false)
        #expect(try await store.importedMember(customer: "c-b") == anna)

        // A code names one member.
        let thief = ImportedLoyaltyMember(customer: "c-c", source: "smile", referralCode: "9qr5Pw", importedAt: .now)
        await #expect(throws: ImportedMemberStoreError.duplicateReferralCode("9qr5Pw")) {
            try await store.saveImportedMember(thief)
        }
        #expect(try await store.importedMember(customer: "c-c") == nil)
    }

    static func ledgerCustomersListed(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        #expect(try await store.ledgerCustomers().isEmpty)
        for customer in ["b", "a", "B", "é"] {
            try await store.withLedger(customer: customer) { records in
                try records.append(
                    LedgerSourceRecord(customer: customer, sequence: 0, kind: "bonus", key: "k", at: StoreFixtures.date(day: 1)))
            }
        }
        // A transaction that appends nothing leaves no ledger behind.
        try await store.withLedger(customer: "none") { _ in }
        #expect(try await store.ledgerCustomers() == ["B", "a", "b", "é"])
    }
}
