import FlywheelCore
import FlywheelLoyalty
import FlywheelStore
import FlywheelTesting
import Foundation
import PostgresNIO
import Testing

/// What only the PostgreSQL engine shows of the loyalty ledger: stores with pools of their own (as separate
/// processes) stay serialised per customer, and the schema keeps the ledger append-only.
@Suite(
    "PostgreSQL store: loyalty ledger",
    .enabled(if: PostgresTestServer.isConfigured, "FLYWHEEL_TEST_POSTGRES_URL is not set (scripts/test sets it)"))
struct PostgresLedgerTests {
    @Test("50 clients redeem at once through 5 stores with pools of their own: exactly the affordable succeed")
    func concurrentRedemptionsAcrossPools() async throws {
        try await PostgresTestServer.withDatabase { url in
            var stores: [PostgresStore] = []
            for _ in 0..<5 { stores.append(try await PostgresStore.connect(url: url, maximumConnections: 10)) }
            do {
                try await stores[0].migrate()
                try await LedgerConcurrency.redeemTogether(on: stores)
            } catch {
                for store in stores { await store.shutdown() }
                throw error
            }
            for store in stores { await store.shutdown() }
        }
    }

    @Test("the schema refuses to change or remove ledger rows, and a negative cached balance")
    func appendOnlySchema() async throws {
        try await PostgresTestServer.withDatabase { url in
            let store = try await PostgresStore.connect(url: url)
            try await store.migrate()
            _ = try await store.withPointsLedger(customer: "c1") {
                $0.earn(
                    customer: "c1", points: 10, source: SourceEvent(.bonus, key: "b"), reason: "bonus",
                    at: Date(timeIntervalSince1970: 1_704_067_200))
            }
            await store.shutdown()
            for statement in [
                "UPDATE loyalty_entries SET points = 1000", "DELETE FROM loyalty_entries",
                "UPDATE loyalty_lots SET earned = 1000", "DELETE FROM loyalty_lots",
                "UPDATE loyalty_sources SET key = 'other'", "DELETE FROM loyalty_sources",
                "UPDATE loyalty_balances SET available = -1",
            ] {
                await #expect(throws: (any Error).self, "\(statement)") {
                    try await PostgresTestServer.administer(url, statement)
                }
            }
            let rows = try await PostgresTestServer.query(url, "SELECT points FROM loyalty_entries")
            #expect(try rows.map { try $0.decode(Int64.self) } == [10])
        }
    }
}
