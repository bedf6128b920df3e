import FlywheelCore
import FlywheelStore
import Foundation
import Testing

@Suite("flywheel report --segment saved:NAME (the real binary on a SQLite file)")
struct ReportSavedSegmentTests {
    @Test("a segment saved in the database narrows the report to its rule's customers; an unknown one is named")
    func savedSegmentFromDatabase() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        let master = FlywheelBinary.fixture("cdnow/CDNOW_master.txt")
        let imported = try await FlywheelBinary.run(["import", master, "--format", "cdnow"], in: dir)
        #expect(imported.status == 0, "\(imported.stderr)")
        // What PUT /api/v1/segments/repeaters stores: the rule as JSON under its name.
        let store = try SQLiteStore(path: dir.appendingPathComponent("flywheel.sqlite").path)
        let at = Date(timeIntervalSince1970: 1_790_000_000)
        _ = try await store.saveSegment(
            StoredSegment(
                name: "repeaters",
                definition: #"{"match": "all", "conditions": [{"field": "orders", "comparison": ">=", "value": 2}]}"#,
                createdAt: at, updatedAt: at, updatedBy: "test"))
        _ = try await store.saveSegment(
            StoredSegment(
                name: "everyone",
                definition: #"{"match": "all", "conditions": [{"field": "orders", "comparison": ">=", "value": 1}]}"#,
                createdAt: at, updatedAt: at, updatedBy: "test"))
        try store.close()

        let arguments = ["report", "--format", "json", "--sections", "headline"]
        let all = try await FlywheelBinary.run(arguments, in: dir)
        #expect(all.status == 0, "\(all.stderr)")
        let headline = try #require(try all.json()["headline"] as? [String: Any])
        let repeatBuyers = try #require(headline["repeat_buyers"] as? Int)

        let repeaters = try await FlywheelBinary.run(arguments + ["--segment", "saved:repeaters"], in: dir)
        #expect(repeaters.status == 0, "\(repeaters.stderr)")
        let object = try repeaters.json()
        #expect((object["segment"] as? [String: Any])?["value"] as? String == "repeaters")
        // The customers with two or more orders in the file (counted with awk over CDNOW_master: 11,662; the
        // headline's repeat buyers are fewer, as same-day orders are one purchase there), and every repeat
        // buyer among them.
        #expect(object["segment_customers"] as? Int == 11_662)
        #expect((object["headline"] as? [String: Any])?["repeat_buyers"] as? Int == repeatBuyers)

        let everyone = try await FlywheelBinary.run(arguments + ["--segment", "saved:everyone"], in: dir)
        #expect(everyone.status == 0, "\(everyone.stderr)")
        #expect(try everyone.json()["segment_customers"] as? Int == 23_570)

        let unknown = try await FlywheelBinary.run(arguments + ["--segment", "saved:whales"], in: dir)
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("there is no saved segment named whales"))
    }
}
