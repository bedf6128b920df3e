import FlywheelCore
import FlywheelStore
import Foundation
import Testing

@Suite("flywheel flows report (the real binary)")
struct FlowsReportCommandTests {
    @Test("no flows yet; an unknown --flow fails; a flow's JSON in the API's shape, unreadable rows counted")
    func report() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        let empty = try await FlywheelBinary.run(["flows", "report", "--database", "shop.sqlite"], in: dir)
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(empty.stdout == "No customer has entered a flow yet.\n")
        let unknown = try await FlywheelBinary.run(["flows", "report", "--database", "shop.sqlite", "--flow", "nope"], in: dir)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("--flow: no customer ever entered a flow 'nope'"))
        let backwards = try await FlywheelBinary.run(
            ["flows", "report", "--database", "shop.sqlite", "--since", "2026-03-02", "--until", "2026-03-01"], in: dir)
        #expect(backwards.status != 0)

        // A row this binary cannot read (a foreign snapshot) is left out and counted.
        let store = try SQLiteStore(path: dir.appendingPathComponent("shop.sqlite").path)
        try await store.migrate()
        let at = Date(timeIntervalSince1970: 1_772_409_600)  // 2026-03-02
        _ = try await store.insertEnrolments([
            StoredEnrolment(
                id: "enr_1", customerID: "c1", flowID: "vip", flowVersion: 1, entryKey: "vip/c1", state: Data([0xFF]),
                dueAt: nil, createdAt: at, updatedAt: at)
        ])
        try store.close()
        let json = try await FlywheelBinary.run(["flows", "report", "--database", "shop.sqlite", "--json", "--window", "14"], in: dir)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let reports = try #require(object["reports"] as? [[String: Any]])
        #expect(reports.count == 1)
        #expect(reports.first?["flow_id"] as? String == "vip")
        #expect(reports.first?["window_days"] as? Int == 14)
        #expect(reports.first?["unreadable"] as? Int == 1)
        #expect((reports.first?["totals"] as? [String: Any])?["entered"] as? Int == 0)
        let text = try await FlywheelBinary.run(["flows", "report", "--database", "shop.sqlite", "--flow", "vip"], in: dir)
        #expect(text.status == 0)
        #expect(text.stdout.contains("\nvip\n  entered 0, holdout 0; sent 0"))
        #expect(text.stdout.contains("lift: no holdout group"))
        #expect(text.stdout.contains("(1 stored enrolments could not be read and are left out)"))
    }
}
