import FlywheelCore
import FlywheelStore
import FlywheelTesting
import Testing

/// The store contract's conformance suite, on every engine this package has.
@Suite("Store conformance")
struct StoreConformanceTests {
    @Test("in memory", arguments: StoreConformance.checks)
    func inMemory(_ check: StoreCheck) async throws {
        try await check.run(InMemoryStore())
    }

    @Test("SQLite file", arguments: StoreConformance.checks)
    func sqliteFile(_ check: StoreCheck) async throws {
        try await TemporaryDirectory.with { directory in
            let store = try SQLiteStore(path: directory.path("flywheel.sqlite"))
            try await check.run(store)
            try store.close()
        }
    }
}
