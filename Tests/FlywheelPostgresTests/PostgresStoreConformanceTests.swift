import FlywheelCore
import FlywheelStore
import FlywheelTesting
import Testing

/// The store contract's conformance suite on PostgreSQL, each check in a database of its own.
// Skipped, with this reason, when no server is configured (scripts/test always configures one).
@Suite(
    "Store conformance on PostgreSQL",
    .enabled(if: PostgresTestServer.isConfigured, "FLYWHEEL_TEST_POSTGRES_URL is not set (scripts/test sets it)"))
struct PostgresStoreConformanceTests {
    @Test("PostgreSQL database", arguments: StoreConformance.checks)
    func postgres(_ check: StoreCheck) async throws {
        try await PostgresTestServer.withStore { store in try await check.run(store) }
    }
}
