import FlywheelCore
import FlywheelStore
import Foundation
import Testing

@Suite("flywheel segments list|show|save|delete|members (the real binary on a SQLite file)")
struct SegmentsCommandTests {
    static let repeaters = #"{"match": "all", "conditions": [{"field": "orders", "comparison": ">=", "value": 2}]}"#

    /// Three customers: `c_0` with two orders, `c_1` and `c_2` with one.
    static func seed(_ dir: URL) async throws {
        let store = try SQLiteStore(path: dir.appendingPathComponent("flywheel.sqlite").path)
        try await store.migrate()
        let at = Date(timeIntervalSince1970: 1_790_000_000)
        var batch = IngestBatch()
        for i in 0..<3 {
            batch.customers.append(Customer(externalID: "c_\(i)"))
            batch.orders.append(
                Order(
                    externalID: "a_\(i)", customerExternalID: "c_\(i)", placedAt: at, currency: .eur,
                    lineItems: [LineItem(sku: "TEA", quantity: 1, totalMinor: 1_000)], subtotalMinor: 1_000, totalMinor: 1_000))
        }
        batch.orders.append(
            Order(
                externalID: "b_0", customerExternalID: "c_0", placedAt: at.addingTimeInterval(86_400), currency: .eur,
                lineItems: [LineItem(sku: "TEA", quantity: 1, totalMinor: 1_000)], subtotalMinor: 1_000, totalMinor: 1_000))
        _ = try await store.ingest(batch)
        try store.close()
    }

    @Test("save, list, show and members in text and JSON; a second save replaces; delete; unknown names are named")
    func lifecycle() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await Self.seed(dir)
        let created = try await FlywheelBinary.run(["segments", "save", "repeaters", "--rule", Self.repeaters], in: dir)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("Created segment repeaters: orders >= 2"))
        let list = try await FlywheelBinary.run(["segments", "list", "--json"], in: dir)
        let segments = try #require(try list.json()["segments"] as? [[String: Any]])
        #expect(segments.map { $0["name"] as? String } == ["repeaters"])
        let rule = try #require(segments.first?["rule"] as? [String: Any])
        #expect(rule["match"] as? String == "all" && (rule["conditions"] as? [[String: Any]])?.first?["value"] as? Int == 2)
        #expect(segments.first?["updated_by"] as? String == "cli")
        let text = try await FlywheelBinary.run(["segments", "list"], in: dir)
        #expect(text.stdout.hasPrefix("repeaters  orders >= 2  (updated "), "\(text.stdout)")

        let members = try await FlywheelBinary.run(["segments", "members", "repeaters", "--json"], in: dir)
        #expect(members.status == 0, "\(members.stderr)")
        #expect(try members.json()["items"] as? [String] == ["c_0"])
        #expect(try members.json()["count"] as? Int == 1)

        // The API's body form, from a file, replaces the rule.
        let file = dir.appendingPathComponent("rule.json")
        try Data(#"{"rule": {"match": "any", "conditions": [{"field": "orders", "comparison": ">=", "value": 1}]}}"#.utf8).write(to: file)
        let replaced = try await FlywheelBinary.run(["segments", "save", "repeaters", "--rule-file", file.path], in: dir)
        #expect(replaced.stdout.contains("Replaced segment repeaters: orders >= 1"), "\(replaced.stderr)")
        let everyone = try await FlywheelBinary.run(["segments", "members", "repeaters"], in: dir)
        #expect(everyone.stdout.split(separator: "\n") == ["c_0", "c_1", "c_2"])
        let limited = try await FlywheelBinary.run(["segments", "members", "repeaters", "--limit", "1"], in: dir)
        #expect(limited.stdout.split(separator: "\n") == ["c_0", "(1 of 3; --limit for more)"])
        let shown = try await FlywheelBinary.run(["segments", "show", "repeaters", "--json"], in: dir)
        #expect((try shown.json()["rule"] as? [String: Any])?["match"] as? String == "any")

        #expect(try await FlywheelBinary.run(["segments", "delete", "repeaters"], in: dir).stdout.contains("Deleted segment repeaters."))
        for command in [["show"], ["members"], ["delete"]] {
            let gone = try await FlywheelBinary.run(["segments"] + command + ["repeaters"], in: dir)
            #expect(gone.status != 0 && gone.stderr.contains("There is no saved segment of this name: repeaters"), "\(gone.stderr)")
        }
        #expect(try await FlywheelBinary.run(["segments", "list"], in: dir).stdout.contains("No saved segments."))
    }

    @Test("mistakes are refused with the API's pointer and reason, and nothing is stored; a segment a send names is kept")
    func refusals() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await Self.seed(dir)
        let cases: [([String], String)] = [
            (["save", "lapsing", "--rule", Self.repeaters], "/name: lapsing is a built-in segment's name; choose another"),
            (["save", "a/b", "--rule", Self.repeaters], "/name: a segment name is 1–64 characters"),
            (
                ["save", "odd", "--rule", #"{"match": "all", "conditions": [{"field": "orders", "comparison": ">=", "value": 1}, {"field": "vip", "comparison": "=", "value": 3}]}"#],
                "/rule/conditions/1: "
            ),
            (["save", "odd", "--rule", #"{"match": "all", "conditions": [{"field": "shoe_size", "comparison": "=", "value": 3}]}"#], "/rule/conditions/0/field: "),
            (["save", "odd", "--rule", #"{"conditions": []}"#], "/rule/match: is missing"),
            (["save", "odd", "--rule", "not json"], "/rule: is not JSON"),
            (["save", "odd"], "give the rule with --rule or --rule-file"),
        ]
        for (arguments, message) in cases {
            let result = try await FlywheelBinary.run(["segments"] + arguments, in: dir)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        #expect(try await FlywheelBinary.run(["segments", "list"], in: dir).stdout.contains("No saved segments."))

        // A scheduled send names the segment: deleting it is refused as the API's 409 says.
        #expect(try await FlywheelBinary.run(["segments", "save", "repeaters", "--rule", Self.repeaters], in: dir).status == 0)
        let store = try SQLiteStore(path: dir.appendingPathComponent("flywheel.sqlite").path)
        let at = Date(timeIntervalSince1970: 1_900_000_000)
        _ = try await store.scheduleCampaign(
            SegmentCampaign(flowID: "newsletter", campaign: "winter", segment: "repeaters", sendAt: at, createdBy: "owner", createdAt: at))
        try store.close()
        let kept = try await FlywheelBinary.run(["segments", "delete", "repeaters"], in: dir)
        #expect(kept.status != 0)
        #expect(kept.stderr.contains("The scheduled send winter of flow newsletter names this segment; cancel it first."), "\(kept.stderr)")
    }
}
