import FlywheelCore
import FlywheelImport
import FlywheelLoyalty
import FlywheelStore
import Foundation
import Testing

@Suite("Loyalty open export")
struct LoyaltyExportTests {
    typealias F = LoyaltyFixtures

    private func export(_ store: any FlywheelStore) async throws -> [String] {
        var lines: [String] = []
        try await LoyaltyExporter.export(from: store, exportedAt: F.now) { lines.append($0) }
        return lines
    }

    /// A store with Smile's members and history, plus a customer whose ledger has orders, a refund, a
    /// pending release and a manual adjustment (so every source field is exercised).
    private func filledStore(in directory: TemporaryDirectory) async throws -> SQLiteStore {
        let store = try await F.store(in: directory, "source.sqlite")
        let migration = try LoyaltyMigrationReader.read(
            members: F.path("smile/customers.csv"), history: F.path("smile/points_transactions.csv"), calendar: F.utc)
        _ = try await LoyaltyMigrationImporter.apply(
            migration, to: store, options: F.options(tierMap: ["Gold": "gold", "Silver": "silver"],
            tierUntil: F.instant("2027-01-01T00:00:00Z")))
        _ = try await store.ingest(IngestBatch(customers: [Customer(externalID: "c9", email: "zed@example.com")]))
        let eur = try #require(CurrencyCode("EUR"))
        try await store.withPointsLedger(customer: "c9") { ledger in
            let day = F.instant("2026-01-10T12:00:00.250Z")
            _ = ledger.earn(
                customer: "c9", points: 40, source: SourceEvent(.order, key: "o1"), reason: "order", at: day,
                expiresAt: day.addingTimeInterval(86_400 * 365), orderAmount: Money(minorUnits: 4_000, currency: eur))
            _ = ledger.earn(
                customer: "c9", points: 20, source: SourceEvent(.order, key: "o2"), reason: "order", at: day,
                orderAmount: Money(minorUnits: 2_000, currency: eur), pending: true)
            _ = ledger.refund(
                order: "o1", amount: Money(minorUnits: 1_000, currency: eur), source: SourceEvent(.refund, key: "r1"),
                reason: "refund", at: day.addingTimeInterval(60))
            _ = ledger.release(order: "o2", source: SourceEvent(.release, key: "o2"), reason: "window closed",
                at: day.addingTimeInterval(120))
            _ = ledger.adjust(customer: "c9", points: -5, admin: "adm_a", source: SourceEvent(.manual, key: "m1"),
                reason: "goodwill correction", at: day.addingTimeInterval(180))
        }
        return store
    }

    @Test("export → import into an empty database → export again gives the same file")
    func roundTrip() async throws {
        try await TemporaryDirectory.with { directory in
            let source = try await filledStore(in: directory)
            let first = try await export(source)
            #expect(first.count > 20)
            let file = directory.path("export.jsonl")
            try (first.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)

            let target = try await F.store(in: directory, "target.sqlite")
            let summary = try await LoyaltyExportImporter.apply(path: file, to: target)
            #expect(summary.members == 4)
            #expect(summary.created == 4)
            #expect(summary.ledgersChanged == 4)
            #expect(summary.tiersGranted == 2 && summary.referralCodes == 3)
            #expect(try await export(target) == first)
            #expect(try await target.ledgerBalance(customer: "c9") == (try await source.ledgerBalance(customer: "c9")))
            #expect(try await target.openLedgerLots() == (try await source.openLedgerLots()))

            // The restored ledger decides as the original does: the refund state came along.
            let more = try await target.withPointsLedger(customer: "c9") { ledger in
                ledger.refund(
                    order: "o1", amount: Money(minorUnits: 3_000, currency: CurrencyCode("EUR")!),
                    source: SourceEvent(.refund, key: "r2"), reason: "refund", at: F.now)
            }
            // 30 more points are due back (40 in all); the manual −5 took from this lot first (it expires
            // first), so 25 are left to reverse and 5 are a shortfall, as in the original ledger.
            #expect(more == .applied(entries: more.entries, shortfall: 5))
            #expect(more.entries.map(\.points) == [25])

            // Importing the same file again changes nothing.
            let again = try await LoyaltyExportImporter.apply(path: file, to: target)
            #expect(again.ledgersChanged == 0 && again.created == 0 && again.tiersGranted == 0)
        }
    }

    @Test("the export's lines: header first, then each member with sources, lots, entries and the grant")
    func layout() async throws {
        try await TemporaryDirectory.with { directory in
            let lines = try await export(try await filledStore(in: directory))
            #expect(lines[0] == #"{"exported_at":"2026-11-24T06:00:00.000Z","format":"flywheel-loyalty-export","type":"header","version":1}"#)
            let types = lines.map { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["type"] as? String ?? "?"
            }
            #expect(types.filter { $0 == "member" }.count == 4)
            // Members in byte order of their id ("c9" sorts before "carl…": '9' < 'a').
            let members = lines.filter { $0.contains(#""type":"member""#) }.map { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["customer"] as? String
            }
            #expect(members == ["anna@example.com", "ben@example.com", "c9", "carl@example.com"])
            #expect(lines.contains { $0.contains(#""admin":"adm_a""#) && $0.contains(#""reason":"goodwill correction""#) })
            #expect(lines.contains { $0.contains(#""referral_code":"9qr5Pw""#) && $0.contains(#""tier":"gold""#) })
            #expect(lines.contains { $0.contains(#""order_amount_minor":4000"#) && $0.contains(#""order_currency":"EUR""#) })
        }
    }

    @Test("a bad line names its line and key; nothing is stored")
    func badLine() async throws {
        try await TemporaryDirectory.with { directory in
            let source = try await filledStore(in: directory)
            var lines = try await export(source)
            lines[3] = lines[3].replacingOccurrences(of: #""at":""#, with: #""at":"yesterday"#)
            lines.append(#"{"type":"comet"}"#)
            let file = directory.path("bad.jsonl")
            try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
            let target = try await F.store(in: directory, "target.sqlite")
            let error = await #expect(throws: LoyaltyImportError.self) {
                try await LoyaltyExportImporter.apply(path: file, to: target)
            }
            // The broken source; the rest of that customer's records are not reported again.
            #expect(error?.problems.map(\.line) == [4, lines.count])
            #expect(error?.problems.last?.column == "type")
            #expect(try await target.ledgerCustomers().isEmpty)
            #expect(try await target.importedMembers().isEmpty)
        }
    }
}
