import Foundation
import Testing
import FlywheelStore
import GRDB

@Suite("An import killed with SIGKILL resumes")
struct ResumeAfterKillTests {
    @Test("kill -9 mid-import, run again: every order exactly once, and the summary says it resumed")
    func killAndResume() async throws {
        let dir = FlywheelBinary.temporaryDirectory()
        let csv = dir.appendingPathComponent("history.csv")
        let orders = 150_000
        var text = "customer_id,datetime,amount,order_id\n"
        text.reserveCapacity(orders * 48)
        for i in 0..<orders {
            text += "C\(i % 40_000),2024-\(String(format: "%02d", 1 + i % 12))-\(String(format: "%02d", 1 + i % 28))T10:00:00Z,\(10 + i % 90).\(i % 10)0,O\(i)\n"
        }
        try text.write(to: csv, atomically: true, encoding: .utf8)
        let database = dir.appendingPathComponent("shop.sqlite").path
        let arguments = ["import", csv.path, "--format", "csv", "--batch-size", "1000", "--database", database, "--json"]

        let (process, _, _) = FlywheelBinary.process(arguments, in: dir)
        try process.run()
        // Wait until some batches are stored, then kill without warning. The watch runs on a thread of its
        // own: under a parallel test run the cooperative pool can be too busy to wake a sleeping task in time.
        let pid = process.processIdentifier
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread {
                let deadline = Date().addingTimeInterval(60)
                while Date() < deadline {
                    Thread.sleep(forTimeInterval: 0.02)
                    guard FileManager.default.fileExists(atPath: database),
                        let queue = try? DatabaseQueue(path: database),
                        let count = try? queue.read({ try Int.fetchOne($0, sql: "SELECT count(*) FROM orders") })
                    else { continue }
                    if count >= 5_000 { break }
                }
                kill(pid, SIGKILL)
                done.resume()
            }.start()
        }
        process.waitUntilExit()
        let store = try SQLiteStore(path: database)
        #expect(process.terminationReason == .uncaughtSignal, "the import finished before it could be killed")
        let partial = try await store.status().orders
        #expect(partial > 0 && partial < orders)

        let resumed = try await FlywheelBinary.run(arguments, in: dir)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let summary = try resumed.json()
        #expect(summary["resumed_at_line"] is Int)
        #expect(summary["rows_read"] as? Int == orders)
        #expect(summary["orders_created"] as? Int == orders)
        #expect(summary["orders_unchanged"] as? Int == 0)
        #expect(try await store.status().orders == orders)
        #expect(try await store.status().customers == 40_000)
    }
}
