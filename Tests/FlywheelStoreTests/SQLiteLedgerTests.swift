import FlywheelCore
import FlywheelLoyalty
import FlywheelStore
import FlywheelTesting
import Foundation
import GRDB
import Testing

/// What only the SQLite engine shows of the loyalty ledger: several stores on one file (as several
/// processes) stay serialised, and the schema itself keeps the ledger append-only.
@Suite("SQLite store: loyalty ledger")
struct SQLiteLedgerTests {
    @Test("50 clients redeem at once through 5 stores on one file (as 5 processes): exactly the affordable succeed")
    func concurrentRedemptionsAcrossStores() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.path("flywheel.sqlite")
            let stores = try (0..<5).map { _ in try SQLiteStore(path: path) }
            try await stores[0].migrate()
            try await LedgerConcurrency.redeemTogether(on: stores)
            for store in stores { try store.close() }
        }
    }

    /// Thrown by a ledger body on purpose.
    struct Refused: Error {}

    @Test("concurrent ledger writes share transactions, each atomic alone: a throwing body or a duplicate rolls back only itself")
    func groupedWritesStayAtomicEach() async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStore(path: directory.path("flywheel.sqlite"))
            try await store.migrate()
            let at = Date(timeIntervalSince1970: 1_704_067_200)
            // 120 writes at once over 10 customers (they queue behind each other's transactions, so they are
            // grouped): every third earns and then throws; every fifth repeats the source of the write before
            // it on the same customer (i - 10), which must be refused as already applied or stored once.
            let outcomes = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
                for i in 0..<120 {
                    group.addTask {
                        let customer = "c\(i % 10)"
                        let key = i % 5 == 0 && i >= 10 ? "k\(i - 10)" : "k\(i)"
                        do {
                            let applied = try await store.withPointsLedger(customer: customer) { ledger -> Bool in
                                let outcome = ledger.earn(
                                    customer: customer, points: 10, source: SourceEvent(.bonus, key: key),
                                    reason: "bonus", at: at)
                                if i % 3 == 0 { throw Refused() }
                                if case .applied = outcome { return true }
                                return false
                            }
                            return (i, applied)
                        } catch is Refused {
                            return (i, false)
                        }
                    }
                }
                var outcomes: [Int: Bool] = [:]
                for try await (i, applied) in group { outcomes[i] = applied }
                return outcomes
            }
            // Each customer's balance is 10 per distinct source that a non-throwing write applied.
            for customer in 0..<10 {
                let applied = outcomes.filter { $0.key % 10 == customer && $0.value }.count
                let balance = try await store.ledgerBalance(customer: "c\(customer)")
                #expect(balance.available == Int64(applied) * 10, "c\(customer)")
                #expect(balance.entryCount == applied, "c\(customer)")
            }
            // Sources of throwing bodies are not stored unless another write applied the same key.
            let keys = Set(outcomes.filter(\.value).map { i, _ in i % 5 == 0 && i >= 10 ? "k\(i - 10)" : "k\(i)" })
            for i in 0..<120 where i % 3 == 0 {
                let key = "k\(i)"
                let stored = try await store.ledgerSources(kind: "bonus", key: key)
                #expect(stored.count == (keys.contains(key) ? 1 : 0), "\(key)")
            }
            #expect(outcomes.values.filter { $0 }.count > 50)
            try store.close()
        }
    }

    @Test("the schema refuses to change or remove ledger rows, and a negative cached balance")
    func appendOnlySchema() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.path("flywheel.sqlite")
            let store = try SQLiteStore(path: path)
            try await store.migrate()
            _ = try await store.withPointsLedger(customer: "c1") {
                $0.earn(
                    customer: "c1", points: 10, source: SourceEvent(.bonus, key: "b"), reason: "bonus",
                    at: Date(timeIntervalSince1970: 1_704_067_200))
            }
            try store.close()
            let queue = try DatabaseQueue(path: path)
            for statement in [
                "UPDATE loyalty_entries SET points = 1000", "DELETE FROM loyalty_entries",
                "UPDATE loyalty_lots SET earned = 1000", "DELETE FROM loyalty_lots",
                "UPDATE loyalty_sources SET key = 'other'", "DELETE FROM loyalty_sources",
                "UPDATE loyalty_balances SET available = -1",
            ] {
                #expect(throws: DatabaseError.self, "\(statement)") {
                    try queue.write { db in try db.execute(sql: statement) }
                }
            }
            let points = try await queue.read { db in try Int64.fetchOne(db, sql: "SELECT points FROM loyalty_entries")
            }
            #expect(points == 10)
            try queue.close()
        }
    }
}
