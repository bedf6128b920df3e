import Testing

/// The PostgreSQL tests need a server: without one they are skipped, unless the run requires them.
@Suite("PostgreSQL server")
struct PostgresServerRequirementTests {
    @Test("a server is configured when the run requires one")
    func serverConfiguredWhenRequired() {
        // scripts/test sets FLYWHEEL_REQUIRE_POSTGRES=1: there, a missing server fails the run instead of
        // skipping every PostgreSQL test in silence.
        if PostgresTestServer.isRequired {
            #expect(
                PostgresTestServer.isConfigured,
                "FLYWHEEL_REQUIRE_POSTGRES=1 but FLYWHEEL_TEST_POSTGRES_URL is not set (or not a postgres:// URL)")
        }
    }
}
