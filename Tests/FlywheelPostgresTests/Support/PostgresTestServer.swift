import FlywheelStore
import Foundation
import PostgresNIO

/// The PostgreSQL server the tests use, named by `FLYWHEEL_TEST_POSTGRES_URL`: a superuser URL to the
/// `postgres` database (`scripts/test` starts a throwaway server and sets it; so does
/// `scripts/with-postgres COMMAND`). Each test works in a database of its own, made for it and dropped after.
enum PostgresTestServer {
    /// The server's URL, or `nil` when the variable is not set.
    static let url: PostgresURL? = ProcessInfo.processInfo.environment["FLYWHEEL_TEST_POSTGRES_URL"].flatMap {
        try? PostgresURL(parsing: $0)
    }

    /// Whether the tests that need a server can run.
    static var isConfigured: Bool { url != nil }

    /// Whether a missing server is a failure (`FLYWHEEL_REQUIRE_POSTGRES=1`, as `scripts/test` sets) rather
    /// than a reason to skip.
    static var isRequired: Bool { ProcessInfo.processInfo.environment["FLYWHEEL_REQUIRE_POSTGRES"] == "1" }

    /// Runs `body` with the URL of a new, empty database, dropped afterwards (also when `body` throws).
    static func withDatabase<T>(_ body: (PostgresURL) async throws -> T) async throws -> T {
        guard let server = url else { throw TestServerError.notConfigured }
        let name = "flywheel_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await administer(server, "CREATE DATABASE \"\(name)\"")
        var database = server
        database.database = name
        do {
            let result = try await body(database)
            try await administer(server, "DROP DATABASE \"\(name)\" WITH (FORCE)")
            return result
        } catch {
            try? await administer(server, "DROP DATABASE \"\(name)\" WITH (FORCE)")
            throw error
        }
    }

    /// Runs `body` with a connected store on a new, empty database (not migrated), shut down afterwards.
    static func withStore<T>(_ body: (PostgresStore) async throws -> T) async throws -> T {
        try await withDatabase { url in
            let store = try await PostgresStore.connect(url: url)
            do {
                let result = try await body(store)
                await store.shutdown()
                return result
            } catch {
                await store.shutdown()
                throw error
            }
        }
    }

    /// Runs one statement on its own connection to `url`'s database (names of databases cannot be bound).
    static func administer(_ url: PostgresURL, _ sql: String) async throws {
        _ = try await query(url, PostgresQuery(unsafeSQL: sql))
    }

    /// Runs `query` on its own connection to `url`'s database and returns its rows.
    static func query(_ url: PostgresURL, _ query: PostgresQuery) async throws -> [PostgresRow] {
        let configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
            tls: .disable)
        let logger = PostgresStore.silentLogger
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            let rows = try await connection.query(query, logger: logger).collect()
            try await connection.close()
            return rows
        } catch {
            try? await connection.close()
            throw error
        }
    }

    enum TestServerError: Error, CustomStringConvertible {
        case notConfigured

        var description: String {
            "FLYWHEEL_TEST_POSTGRES_URL is not set: run scripts/test, or scripts/with-postgres swift test"
        }
    }
}
