import FlywheelCore
import FlywheelImport
import FlywheelLoyalty
import FlywheelStore
import Foundation
import Testing

@Suite("Loyalty import from other providers")
struct LoyaltyMigrationImporterTests {
    typealias F = LoyaltyFixtures

    private func smile(history: Bool = true) throws -> LoyaltyMigration {
        try LoyaltyMigrationReader.read(
            members: F.path("smile/customers.csv"), history: history ? F.path("smile/points_transactions.csv") : nil,
            calendar: F.utc)
    }

    @Test("Smile.io with history: balances, history with provenance, tiers, referral codes")
    func smileWithHistory() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try await F.store(in: directory)
            // Anna is already a customer of the shop under its own id: she is matched by e-mail.
            _ = try await store.ingest(IngestBatch(customers: [Customer(externalID: "shop-anna", email: "anna@example.com")]))
            let migration = try smile()
            #expect(migration.provider == .smile)  // detected from the header
            let until = F.instant("2027-01-01T00:00:00Z")
            let summary = try await LoyaltyMigrationImporter.apply(
                migration, to: store, options: F.options(tierMap: ["gold": "gold", "Silver": "silver"], tierUntil: until))
            #expect(summary.members == 3)
            #expect(summary.matchedByEmail == 1)
            #expect(summary.matchedByID == 0)
            #expect(summary.created == 2)
            #expect(summary.pointsImported == 325)
            #expect(summary.historyRows == 6)
            #expect(summary.tiersGranted == 2)
            #expect(summary.referralCodes == 3)
            #expect(summary.skipped.isEmpty)

            // Anna: +300 order, −100 redeemed, +100 correction, then −50 to reach Smile's 250.
            #expect(try await store.ledgerBalance(customer: "shop-anna").available == 250)
            let anna = Array(
                try await store.ledgerHistory(LedgerHistoryQuery(customer: "shop-anna", limit: 10)).entries.reversed())
            #expect(anna.map { "\($0.debit.rawValue)>\($0.credit.rawValue) \($0.points) \($0.sourceKind):\($0.sourceKey)" } == [
                "programme>available 300 import:smile:825673450", "available>redeemed 100 import:smile:825673451",
                "programme>available 100 import:smile:825673452", "available>programme 50 import:smile:balance@3",
            ])
            #expect(anna.map(\.reason) == [
                "Smile.io: Placed an order", "Smile.io: Redeemed €10 off", "Smile.io: Points correction",
                "reconciled with the Smile.io balance of 250 on 2026-11-24",
            ])
            // Times to the millisecond, as Smile wrote them (…12:00:00.893Z).
            #expect(anna.map { Int64(($0.at.timeIntervalSince1970 * 1000).rounded()) } == [
                1_738_404_000_000, 1_740_823_200_000, 1_743_508_800_893, 1_795_500_000_000,
            ])
            // First-expiring-first: the redemption and the reconciling deduction came out of the first lot.
            let lots = try await store.openLedgerLots().filter { $0.lot.customer == "shop-anna" }
            #expect(lots.map(\.remaining) == [150, 100])

            // Ben: earned 50, expired 50 (to `expired`), balance 0; created under his e-mail.
            #expect(try await store.ledgerBalance(customer: "ben@example.com").available == 0)
            let ben = try await store.ledgerHistory(LedgerHistoryQuery(customer: "ben@example.com", limit: 10)).entries
            #expect(ben.map(\.credit) == [.expired, .available])
            let benCustomer = try #require(try await store.customer(externalID: "ben@example.com"))
            #expect(benCustomer.firstName == "Ben")
            #expect(benCustomer.birthday == CivilDate(year: 1990, month: 12, day: 25))
            #expect(benCustomer.createdAt == F.instant("2024-05-01T10:00:00Z"))
            // Carl's e-mail is lower-cased; his history equals Smile's balance, so no reconciling entry.
            #expect(try await store.ledgerBalance(customer: "carl@example.com") == LedgerBalance(
                customer: "carl@example.com", available: 75, pending: 0, entryCount: 1))

            // Anna's name and birthday (Smile's year 1004: no year) fill what the shop did not know.
            let annaCustomer = try #require(try await store.customer(externalID: "shop-anna"))
            #expect(annaCustomer.birthday == CivilDate(year: 1904, month: 5, day: 27))
            #expect(annaCustomer.lastName == "Berg")

            // Tiers as grants until the period end, referral codes kept and found by code.
            let grant = try #require(try await store.importedMember(customer: "shop-anna"))
            #expect(grant.tier == "gold" && grant.sourceTier == "Gold" && grant.tierUntil == until)
            #expect(grant.referralCode == "9qr5Pw" && grant.referralLink == "http://i.refs.cc/9qr5Pw")
            #expect(grant.optedIn == true && grant.source == "smile" && grant.importedAt == F.now)
            #expect(try await store.importedMember(referralCode: "Zz9yX8")?.customer == "carl@example.com")
            #expect(try await store.importedMember(customer: "carl@example.com")?.tier == nil)
            #expect(try await store.importedMember(customer: "carl@example.com")?.optedIn == false)
            #expect(try await store.importedMember(customer: "ben@example.com")?.tier == "silver")
        }
    }

    @Test("a re-import changes nothing")
    func reimportChangesNothing() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try await F.store(in: directory)
            let options = F.options(tierMap: ["Gold": "gold", "Silver": "silver"])
            _ = try await LoyaltyMigrationImporter.apply(try smile(), to: store, options: options)
            let lots = try await store.openLedgerLots()
            let members = try await store.importedMembers()
            var later = options
            later.now = F.now.addingTimeInterval(86_400)
            let again = try await LoyaltyMigrationImporter.apply(try smile(), to: store, options: later)
            #expect(again.pointsImported == 0)
            #expect(again.ledgersChanged == 0)
            #expect(again.historyRows == 0)
            #expect(again.created == 0)
            #expect(again.matchedByEmail == 3)
            #expect(again.tiersGranted == 0 && again.referralCodes == 0)
            #expect(try await store.openLedgerLots() == lots)
            #expect(try await store.importedMembers() == members)
            #expect(try await store.ledgerBalance(customer: "anna@example.com").entryCount == 4)
        }
    }

    @Test("without history: one opening lot per member, then nothing on re-import")
    func openingLot() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try await F.store(in: directory)
            let summary = try await LoyaltyMigrationImporter.apply(try smile(history: false), to: store, options: F.options())
            #expect(summary.pointsImported == 325)
            #expect(summary.tiersGranted == 2)  // no map, no programme: the provider's names, lower-cased
            #expect(try await store.importedMember(customer: "anna@example.com")?.tier == "gold")
            let entries = try await store.ledgerHistory(LedgerHistoryQuery(customer: "anna@example.com", limit: 5)).entries
            #expect(entries.count == 1)
            #expect(entries[0].points == 250 && entries[0].at == F.now)
            #expect(entries[0].reason == "balance imported from Smile.io on 2026-11-24")
            #expect(entries[0].sourceKey == "smile:balance@0")
            // Ben has 0 points: no entry at all.
            #expect(try await store.ledgerBalance(customer: "ben@example.com").entryCount == 0)
            let again = try await LoyaltyMigrationImporter.apply(try smile(history: false), to: store, options: F.options())
            #expect(again.pointsImported == 0 && again.ledgersChanged == 0)
        }
    }

    @Test("LoyaltyLion: approved plus pending points, zone-less times in the shop's zone, void and unknown rows skipped")
    func loyaltyLion() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try await F.store(in: directory)
            let migration = try LoyaltyMigrationReader.read(
                members: F.path("loyaltylion/customers.csv"), history: F.path("loyaltylion/transactions.csv"),
                calendar: F.berlin)
            #expect(migration.provider == .loyaltylion)
            #expect(migration.members.map(\.points) == [500, 0])
            let summary = try await LoyaltyMigrationImporter.apply(
                migration, to: store, options: F.options(tierMap: ["VIP": "gold"], calendar: F.berlin))
            #expect(summary.created == 2)
            #expect(summary.historyRows == 3)
            #expect(summary.pointsImported == 500)
            #expect(summary.skipped.map(\.line) == [5, 6])
            #expect(summary.skipped.map(\.column) == ["merchant_id", "status"])
            // Customers are keyed by the shop's id (merchant_id).
            #expect(try await store.ledgerBalance(customer: "7001").available == 500)
            let entries = try await store.ledgerHistory(LedgerHistoryQuery(customer: "7001", limit: 5)).entries.reversed()
            #expect(entries.map(\.at) == [
                F.instant("2024-01-15T09:00:00Z"), F.instant("2024-02-01T09:00:00Z"), F.instant("2026-11-01T09:00:00Z"),
            ])
            #expect(entries.first?.reason == "LoyaltyLion: Made a purchase (order 1042)")
            #expect(entries.map(\.sourceKey) == ["loyaltylion:t1", "loyaltylion:t2", "loyaltylion:t3"])
            #expect(try await store.importedMember(customer: "7001")?.tier == "gold")
            #expect(try await store.importedMember(referralCode: "DANA42")?.customer == "7001")
            #expect(try await store.importedMember(customer: "7002")?.optedIn == false)
            #expect(try await store.customer(externalID: "7002")?.email == "eli@example.com")
        }
    }

    @Test("Yotpo: balances as opening lots, birthdays without a year, tiers checked against the programme")
    func yotpo() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try await F.store(in: directory)
            let migration = try LoyaltyMigrationReader.read(members: F.path("yotpo/customers.csv"), calendar: F.utc)
            #expect(migration.provider == .yotpo)
            #expect(migration.members[0].birthday == CivilDate(year: 1904, month: 2, day: 29))
            #expect(migration.members[1].birthday == CivilDate(year: 1992, month: 7, day: 4))
            // "Platinum" is no tier of the programme: refused before anything is stored.
            var options = F.options()
            options.programmeTiers = [("bronze", "Bronze"), ("silver", "Silver"), ("gold", "Gold")]
            let error = await #expect(throws: LoyaltyImportError.self) {
                try await LoyaltyMigrationImporter.apply(migration, to: store, options: options)
            }
            #expect(error?.problems.map(\.line) == [2])
            #expect(error?.problems.first?.column == "tier")
            #expect(error?.problems.first?.reason.contains("--tier-map 'Platinum=<tier id>'") == true)
            #expect(try await store.ledgerCustomers().isEmpty)
            #expect(try await store.customer(externalID: "fay@example.com") == nil)

            options.tierMap = ["platinum": "gold"]
            let summary = try await LoyaltyMigrationImporter.apply(migration, to: store, options: options)
            #expect(summary.pointsImported == 1_240)
            #expect(try await store.ledgerBalance(customer: "fay@example.com").available == 1_200)
            #expect(try await store.importedMember(customer: "fay@example.com")?.tier == "gold")
            #expect(try await store.importedMember(referralCode: "GUS40")?.optedIn == false)
        }
    }

    @Test("a history that starts late: a spend without points on record is reported, the balance still matches")
    func lateHistory() async throws {
        try await TemporaryDirectory.with { directory in
            let members = directory.path("members.csv")
            let history = directory.path("history.csv")
            try "email,points_balance,vip_tier\nx@example.com,40,\n".write(toFile: members, atomically: true, encoding: .utf8)
            try "email,points_change,description,created_at\nx@example.com,-100,Redeemed,2025-01-01\nx@example.com,30,Order,2025-02-01\n"
                .write(toFile: history, atomically: true, encoding: .utf8)
            let store = try await F.store(in: directory)
            let migration = try LoyaltyMigrationReader.read(
                members: members, history: history, provider: .smile, calendar: F.utc)
            let summary = try await LoyaltyMigrationImporter.apply(migration, to: store, options: F.options())
            #expect(summary.pointsImported == 40)
            #expect(summary.skipped.map(\.description) == [
                "\(history):2: column points: 100 points could not be taken: the member had no more on record"
            ])
            let entries = try await store.ledgerHistory(LedgerHistoryQuery(customer: "x@example.com")).entries
            #expect(entries.map(\.points) == [10, 30])  // the order, then the reconciling lot
            #expect(try await store.ledgerBalance(customer: "x@example.com").available == 40)
            // The spend that took nothing is recorded as applied: a re-import takes nothing later.
            let again = try await LoyaltyMigrationImporter.apply(migration, to: store, options: F.options())
            #expect(again.historyRows == 0 && again.pointsImported == 0 && again.skipped.isEmpty)
        }
    }

    @Test("a dry run reports the import and stores nothing")
    func dryRun() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try await F.store(in: directory)
            let summary = try await LoyaltyMigrationImporter.apply(
                try smile(), to: store, options: F.options(tierMap: ["Gold": "gold", "Silver": "silver"], dryRun: true))
            #expect(summary.dryRun)
            #expect(summary.pointsImported == 325 && summary.historyRows == 6 && summary.tiersGranted == 2)
            #expect(try await store.ledgerCustomers().isEmpty)
            #expect(try await store.importedMembers().isEmpty)
            #expect(try await store.customer(externalID: "ben@example.com") == nil)
        }
    }

    @Test("bad rows name file, line, column and reason; nothing is read")
    func badRows() throws {
        let path = F.path("smile/customers_bad.csv")
        let error = #expect(throws: LoyaltyImportError.self) {
            try LoyaltyMigrationReader.read(members: path, calendar: F.utc)
        }
        let problems = error?.problems ?? []
        #expect(problems.map(\.line) == [3, 4, 5])
        #expect(problems.map(\.column) == ["points_balance", "email", "date_of_birth"])
        #expect(problems.allSatisfy { $0.file == path })
        #expect(problems[0].reason.contains("whole number"))
        #expect(error?.description.hasPrefix("3 bad rows; nothing was imported") == true)
        #expect(problems[1].description == "\(path):4: column email: is not an e-mail address")
    }

    @Test("an unknown header asks for --from; a missing column is named")
    func headers() throws {
        let error = #expect(throws: LoyaltyImportError.self) {
            try LoyaltyMigrationReader.read(members: F.path("smile/points_transactions.csv"), calendar: F.utc)
        }
        #expect(error?.fileProblem?.contains("pass --from smile|loyaltylion|yotpo") == true)
        let missing = #expect(throws: LoyaltyImportError.self) {
            try LoyaltyMigrationReader.read(
                members: F.path("smile/points_transactions.csv"), provider: .smile, calendar: F.utc)
        }
        #expect(missing?.fileProblem?.contains("no email (or customer id) column") == false)
        #expect(missing?.fileProblem?.contains("no points balance column") == true)
    }
}
