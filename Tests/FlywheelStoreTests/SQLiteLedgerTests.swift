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
