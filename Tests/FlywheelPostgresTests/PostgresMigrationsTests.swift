import FlywheelCore
import FlywheelStore
import PostgresNIO
import Testing

/// The schema's migrations: recorded, idempotent, safe to run from two processes at once.
// Skipped, with this reason, when no server is configured (scripts/test always configures one).
@Suite(
    "PostgreSQL migrations",
    .enabled(if: PostgresTestServer.isConfigured, "FLYWHEEL_TEST_POSTGRES_URL is not set (scripts/test sets it)"))
struct PostgresMigrationsTests {
    static let names = [
        "v1 core schema", "v2 access and listings", "v3 dashboard admins", "v4 loyalty ledger", "v5 flow schedule",
        "v6 outbox", "v7 consent", "v8 loyalty codes", "v9 loyalty import", "v10 flow measurement", "v12 flow effects",
        "v13 checkouts", "v14 segments",
        "v15 ledger erasure", "v17 campaign progress",
    ]

    /// The rows of `flywheel_migrations`: position, name, and when each was applied (as text).
    static func recorded(_ url: PostgresURL) async throws -> [String] {
        try await PostgresTestServer.query(
            url, "SELECT position, name, applied_at::text FROM flywheel_migrations ORDER BY position"
        ).map { row in
            let (position, name, appliedAt) = try row.decode((Int, String, String).self)
            return "\(position) \(name) \(appliedAt)"
        }
    }

    @Test("each migration is recorded once, in order; migrating again changes nothing")
    func recordedAndIdempotent() async throws {
        try await PostgresTestServer.withDatabase { url in
            let store = try await PostgresStore.connect(url: url)
            #expect(try await store.appliedMigrations().isEmpty)
            try await store.migrate()
            #expect(try await store.appliedMigrations() == Self.names)
            #expect(try await store.status().schemaVersion == Self.names.last)
            let first = try await Self.recorded(url)
            #expect(first.count == Self.names.count)
            for (index, name) in Self.names.enumerated() where index < first.count {
                #expect(first[index].hasPrefix("\(index + 1) \(name) "))
            }
            try await store.migrate()
            try await store.migrate()
            #expect(try await Self.recorded(url) == first)
            await store.shutdown()
        }
    }

    @Test("two processes migrating at once apply each migration once")
    func concurrentMigrations() async throws {
        try await PostgresTestServer.withDatabase { url in
            // Separate stores, separate pools: as two Flywheel processes starting together.
            let stores = [try await PostgresStore.connect(url: url), try await PostgresStore.connect(url: url)]
            try await withThrowingTaskGroup(of: Void.self) { group in
                for store in stores + stores { group.addTask { try await store.migrate() } }
                try await group.waitForAll()
            }
            #expect(try await Self.recorded(url).count == Self.names.count)
            #expect(try await stores[1].appliedMigrations() == Self.names)
            for store in stores { await store.shutdown() }
        }
    }

    @Test("a database a newer Flywheel migrated is refused, untouched")
    func newerSchemaRefused() async throws {
        try await PostgresTestServer.withStore { store in
            try await store.migrate()
            try await PostgresTestServer.administer(
                store.url, "INSERT INTO flywheel_migrations (position, name) VALUES (99, 'v99 from the future')")
            let error = await #expect(throws: PostgresStoreError.self) { try await store.migrate() }
            #expect("\(error.map(String.init(describing:)) ?? "")".contains("\"v99 from the future\""))
            #expect(try await store.status().schemaVersion == "v99 from the future")
        }
    }

    @Test("a database migrated before v8 existed (v9 at position 8, later steps after it) gets v8 last and its index")
    func laterEarlierStep() async throws {
        try await PostgresTestServer.withStore { store in
            try await store.migrate()
            // As a build that shipped v9 before v8 left the database.
            for statement in [
                "DROP INDEX loyalty_sources_redemption_code", "DELETE FROM flywheel_migrations WHERE name = 'v8 loyalty codes'",
                "UPDATE flywheel_migrations SET position = position + 100 WHERE position > 8",
                "UPDATE flywheel_migrations SET position = position - 101 WHERE position > 100",
            ] {
                try await PostgresTestServer.administer(store.url, statement)
            }
            try await store.migrate()
            let recorded = try await Self.recorded(store.url)
            #expect(recorded.count == Self.names.count)
            #expect(recorded.last?.hasPrefix("\(Self.names.count) v8 loyalty codes ") == true)
            #expect(recorded.first { $0.contains("v9 loyalty import") }?.hasPrefix("8 ") == true)
            let index = try await PostgresTestServer.query(
                store.url, "SELECT count(*)::int FROM pg_indexes WHERE indexname = 'loyalty_sources_redemption_code'")
            #expect(try index.first?.decode(Int.self) == 1)
        }
    }
}
