import Foundation
import Testing

@Suite("flywheel loyalty import and export (the real binary)")
struct LoyaltyImportCommandTests {
    static let programme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/programmes/seeds-default.json").path

    static func importSmile(in dir: URL, database: String = "shop.sqlite") async throws -> FlywheelBinary.Result {
        try await FlywheelBinary.run(
            [
                "loyalty", "import", FlywheelBinary.fixture("loyalty/smile/customers.csv"), "--history",
                FlywheelBinary.fixture("loyalty/smile/points_transactions.csv"), "--programme", programme,
                "--database", database, "--json",
            ], in: dir)
    }

    @Test("Smile.io export with history and the seeds' programme; a second run changes nothing")
    func smile() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        let first = try await Self.importSmile(in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        let json = try first.json()
        #expect(json["provider"] as? String == "smile")
        #expect(json["members"] as? Int == 3)
        #expect(json["created"] as? Int == 3)
        #expect(json["points_imported"] as? Int == 325)
        #expect(json["history_rows"] as? Int == 6)
        #expect(json["tiers_granted"] as? Int == 2)  // Gold and Silver are the programme's tier names
        #expect(json["referral_codes"] as? Int == 3)

        let second = try await Self.importSmile(in: dir)
        #expect(second.status == 0, "\(second.stderr)")
        let again = try second.json()
        #expect(again["points_imported"] as? Int == 0)
        #expect(again["ledgers_changed"] as? Int == 0)
        #expect(again["tiers_granted"] as? Int == 0)
    }

    @Test("a tier the programme lacks and a bad row end with the reason and store nothing")
    func refusals() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        let bad = try await FlywheelBinary.run(
            ["loyalty", "import", FlywheelBinary.fixture("loyalty/smile/customers_bad.csv"), "--database", "a.sqlite"],
            in: dir)
        #expect(bad.status == 3)
        #expect(bad.stderr.contains("customers_bad.csv:3: column points_balance: is not a whole number"))
        #expect(bad.stderr.contains("customers_bad.csv:4: column email: is not an e-mail address"))
        let yotpo = try await FlywheelBinary.run(
            [
                "loyalty", "import", FlywheelBinary.fixture("loyalty/yotpo/customers.csv"), "--programme",
                Self.programme, "--database", "a.sqlite",
            ], in: dir)
        #expect(yotpo.status == 3)
        #expect(yotpo.stderr.contains("column tier: \"Platinum\" is no tier of the programme"))
        let export = try await FlywheelBinary.run(["loyalty", "export", "--database", "a.sqlite"], in: dir)
        #expect(export.status == 0)
        #expect(export.stdout.split(separator: "\n").count == 1)  // the header only: nothing was stored
        let map = try await FlywheelBinary.run(
            ["loyalty", "import", "x.csv", "--tier-map", "Gold"], in: dir)
        #expect(map.status == 64)
        #expect(map.stderr.contains("--tier-map: 'Gold' is not NAME=TIER_ID"))
    }

    @Test("export, import the export into a new database, export again: the same lines")
    func roundTrip() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        await #expect(try Self.importSmile(in: dir).status == 0)
        let exported = try await FlywheelBinary.run(
            ["loyalty", "export", "--database", "shop.sqlite", "--out", "loyalty.jsonl"], in: dir)
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stderr.contains("exported 3 members to loyalty.jsonl"))
        let back = try await FlywheelBinary.run(
            ["loyalty", "import", "loyalty.jsonl", "--database", "copy.sqlite", "--json"], in: dir)
        #expect(back.status == 0, "\(back.stderr)")
        #expect(try back.json()["provider"] as? String == "flywheel")  // told from the file's first byte
        let copy = try await FlywheelBinary.run(["loyalty", "export", "--database", "copy.sqlite"], in: dir)
        let original = try String(contentsOf: dir.appendingPathComponent("loyalty.jsonl"), encoding: .utf8)
        #expect(Array(copy.stdout.split(separator: "\n").dropFirst()) == Array(original.split(separator: "\n").dropFirst()))
        #expect(copy.stdout.split(separator: "\n").count > 10)
    }
}
