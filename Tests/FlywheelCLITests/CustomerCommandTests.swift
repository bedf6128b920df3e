import FlywheelCore
import FlywheelStore
import Foundation
import Testing

@Suite("flywheel customer export and erase (the real binary on a SQLite file)")
struct CustomerCommandTests {
    static func seed(_ dir: URL) async throws {
        let store = try SQLiteStore(path: dir.appendingPathComponent("flywheel.sqlite").path)
        try await store.migrate()
        let placed = Date(timeIntervalSince1970: 1_790_000_000)
        _ = try await store.ingest(
            IngestBatch(
                customers: [
                    Customer(externalID: "c1", email: "greta.lindqvist@example.se", firstName: "Greta", lastName: "Lindqvist"),
                    Customer(externalID: "c2", email: "other@example.com"),
                ],
                orders: [
                    Order(
                        externalID: "o1", customerExternalID: "c1", placedAt: placed, currency: .eur,
                        lineItems: [LineItem(sku: "TEA", title: "Sencha", quantity: 1, totalMinor: 1200)],
                        subtotalMinor: 1200, totalMinor: 1200)
                ],
                surveyAnswers: [
                    SurveyAnswer(
                        externalID: "a1", customerExternalID: "c1", question: .nps, score: 10,
                        comment: "Greta says: great tea", answeredAt: placed + 86_400)
                ]))
        _ = try await store.recordConsentChange(
            ConsentChange(
                customerExternalID: "c1", channel: .email, state: .granted, source: .api, changedAt: placed,
                proof: OptInProof(requestIP: "198.51.100.23")),
            suppression: nil)
        try store.close()
    }

    @Test("export prints one JSON document with every section; an unknown id fails clearly")
    func export() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        try await Self.seed(dir)
        let result = try await FlywheelBinary.run(["customer", "export", "c1"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try result.json()
        #expect(document["format"] as? String == "flywheel-customer-export/1")
        #expect((document["customer"] as? [String: Any])?["email"] as? String == "greta.lindqvist@example.se")
        #expect((document["orders"] as? [Any])?.count == 1)
        #expect((document["survey_answers"] as? [[String: Any]])?.first?["comment"] as? String == "Greta says: great tea")
        #expect((document["consent_history"] as? [[String: Any]])?.first?["request_ip"] as? String == "198.51.100.23")
        #expect(document["suppressions"] as? [Any] != nil)

        let unknown = try await FlywheelBinary.run(["customer", "export", "nobody"], in: dir)
        #expect(unknown.status != 0 && unknown.stderr.contains("no customer with the id nobody"))
    }

    @Test("export carries the loyalty ledger: balance, movements with source and reason; with --programme the tier")
    func exportLoyalty() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        try await Self.seed(dir)
        let store = try SQLiteStore(path: dir.appendingPathComponent("flywheel.sqlite").path)
        let placed = Date(timeIntervalSince1970: 1_790_000_000)
        try await store.withLedger(customer: "c1") { records in
            try records.append(LedgerSourceRecord(customer: "c1", sequence: 0, kind: "order", key: "o1", at: placed))
            try records.append(
                LedgerLotRecord(
                    customer: "c1", number: 0, sourceKind: "order", sourceKey: "o1", earnedAt: placed, expiresAt: nil,
                    earned: 12, pending: false, orderAmount: Money(minorUnits: 1_200, currency: .eur)))
            try records.append(
                LedgerEntryRecord(
                    customer: "c1", sequence: 0, debit: .programme, credit: .available, points: 12, sourceKind: "order",
                    sourceKey: "o1", reason: "order", at: placed, lot: 0))
        }
        try store.close()
        let result = try await FlywheelBinary.run(["customer", "export", "c1"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let loyalty = try #require(try result.json()["loyalty"] as? [String: Any])
        #expect(loyalty["available"] as? Int == 12 && loyalty["tier"] == nil)
        let entry = try #require((loyalty["history"] as? [[String: Any]])?.first)
        #expect(entry["source_kind"] as? String == "order" && entry["source_key"] as? String == "o1")
        #expect(entry["reason"] as? String == "order" && entry["from"] as? String == "programme" && entry["to"] as? String == "available")

        // With the server's programme: the tier (one order makes Bronze); the referral code needs the link secret.
        let programme = CustomerCommandTests.repository.appendingPathComponent("examples/programmes/seeds-default.json").path
        let withProgramme = try await FlywheelBinary.run(["customer", "export", "c1", "--programme", programme], in: dir)
        #expect(withProgramme.status == 0, "\(withProgramme.stderr)")
        let full = try #require(try withProgramme.json()["loyalty"] as? [String: Any])
        #expect((full["tier"] as? [String: Any])?["name"] as? String == "Bronze")
        #expect(full["spendable"] as? Int == 12 && full["referral_code"] == nil)
        let secret = try await FlywheelBinary.run(
            ["customer", "export", "c1", "--programme", programme], in: dir, environment: ["FLYWHEEL_LINK_SECRET": "s3cret"])
        let code = try #require((try secret.json()["loyalty"] as? [String: Any])?["referral_code"] as? String)
        #expect(code.hasPrefix("FRIEND-"))

        // A customer without a ledger has no loyalty member.
        let other = try await FlywheelBinary.run(["customer", "export", "c2"], in: dir)
        #expect(try other.json()["loyalty"] == nil)
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("erase asks unless --yes, then leaves no trace of the person in the file; orders stay")
    func erase() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        try await Self.seed(dir)
        let refused = try await FlywheelBinary.run(["customer", "erase", "c1"], in: dir)
        #expect(refused.status != 0 && refused.stderr.contains("not erased"))
        #expect(try await FlywheelBinary.run(["customer", "export", "c1"], in: dir).status == 0)

        let erased = try await FlywheelBinary.run(["customer", "erase", "c1", "--yes"], in: dir)
        #expect(erased.status == 0, "\(erased.stderr)")
        let pseudonym = try #require(erased.stdout.split(separator: " ").last.map { String($0.dropLast(2)) })
        #expect(pseudonym.hasPrefix("erased-"))
        #expect(try await FlywheelBinary.run(["customer", "export", "c1"], in: dir).status != 0)
        let after = try await FlywheelBinary.run(["customer", "export", pseudonym], in: dir)
        #expect(after.status == 0)
        #expect((try after.json()["orders"] as? [Any])?.count == 1)
        for trace in ["greta", "lindqvist", "198.51.100.23"] {
            #expect(!after.stdout.lowercased().contains(trace))
        }
        // The file (and its write-ahead log) holds the address nowhere.
        let store = try SQLiteStore(path: dir.appendingPathComponent("flywheel.sqlite").path)
        try store.close()
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasPrefix("flywheel.sqlite") {
            let bytes = try Data(contentsOf: dir.appendingPathComponent(name))
            #expect(bytes.range(of: Data("greta.lindqvist@example.se".utf8)) == nil, "\(name)")
        }
    }
}
