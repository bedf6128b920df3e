import FlywheelCore
import FlywheelStore
import FlywheelTesting
import Foundation
import Testing

/// Ledger writes per second on PostgreSQL (figures in BENCHMARKS.md). Run on demand, in a release build:
///
///     scripts/bench-ledger
// Skipped unless asked for: its figures mean little in a debug build.
@Suite(
    "PostgreSQL store: ledger write speed",
    .enabled(
        if: PostgresTestServer.isConfigured && ProcessInfo.processInfo.environment["FLYWHEEL_LEDGER_BENCH"] == "1",
        "a benchmark: set FLYWHEEL_LEDGER_BENCH=1 (and FLYWHEEL_TEST_POSTGRES_URL) to run it"))
struct PostgresLedgerSpeedTests {
    @Test("20,000 awards over 2,000 customers, one transaction each: 1 client, then 8 clients")
    func ledgerWriteSpeed() async throws {
        try await PostgresTestServer.withStore { store in
            try await store.migrate()
            for (clients, prefix) in [(1, "one"), (8, "eight")] {
                let rate = try await LedgerWriteBenchmark.run(
                    on: [store], awards: 20_000, customers: 2_000, clients: clients, prefix: prefix)
                print("PostgreSQL ledger writes, \(clients) client(s): \(Int(rate.rounded()))/s")
                #expect(rate > 0)
            }
            #expect(try await store.openLedgerLots().count == 40_000)
        }
    }
}
