import FlywheelCore
import FlywheelStore
import Foundation
import Testing

/// Two Flywheel processes on one database: each with its own connection pool, claiming the same due rows.
@Suite(
    "PostgreSQL store: flow schedule across processes",
    .enabled(if: PostgresTestServer.isConfigured, "FLYWHEEL_TEST_POSTGRES_URL is not set (scripts/test sets it)"))
struct PostgresFlowScheduleTests {
    @Test("two pools claiming at once never get the same row, round after round")
    func twoPoolsNeverShareARow() async throws {
        try await PostgresTestServer.withDatabase { url in
            let first = try await PostgresStore.connect(url: url, maximumConnections: 4)
            let second = try await PostgresStore.connect(url: url, maximumConnections: 4)
            try await first.migrate()
            let start = Date(timeIntervalSince1970: 1_700_000_000)
            let rows = (0..<400).map { index in
                StoredEnrolment(
                    id: "enr_\(index)", customerID: "c_\(index % 31)", flowID: "vip", flowVersion: 1,
                    entryKey: "vip/\(index)", state: Data([UInt8(index % 256)]),
                    dueAt: start.addingTimeInterval(Double(index % 60)), createdAt: start, updatedAt: start)
            }
            #expect(try await first.insertEnrolments(rows).count == rows.count)
            for round in 0..<12 {
                // Every row is due at this round's time; both processes claim small batches with three
                // workers each until nothing is left, and complete each batch for the next round.
                let now = start.addingTimeInterval(Double(round + 1) * 3_600)
                let next = now.addingTimeInterval(1_800)
                let claims = try await withThrowingTaskGroup(of: [String].self) { group in
                    for (name, store) in [("p1", first), ("p2", second)] {
                        for worker in 0..<3 {
                            let owner = "\(name)-\(worker)"
                            group.addTask {
                                var mine: [String] = []
                                while true {
                                    let batch = try await store.claimDue(now: now, limit: 9, owner: owner, lease: 900)
                                    if batch.isEmpty { return mine }
                                    mine += batch.map(\.id)
                                    let lost = try await store.complete(
                                        batch.map {
                                            EnrolmentCompletion(id: $0.id, state: $0.state, dueAt: next, status: .active)
                                        }, owner: owner, now: now)
                                    #expect(lost.isEmpty)
                                }
                            }
                        }
                    }
                    var all: [String] = []
                    for try await ids in group { all += ids }
                    return all
                }
                #expect(claims.count == rows.count, "round \(round)")
                #expect(Set(claims).count == rows.count, "round \(round): a row was claimed twice")
            }
            await first.shutdown()
            await second.shutdown()
        }
    }
}
