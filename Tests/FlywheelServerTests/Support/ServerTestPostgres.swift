import FlywheelStore
import Foundation
import PostgresNIO

/// The PostgreSQL server of `FLYWHEEL_TEST_POSTGRES_URL` (`scripts/test` and `scripts/with-postgres` set it) for
/// the server tests that run two servers on one database; each test gets a database of its own, dropped after.
enum ServerTestPostgres {
    static let url: PostgresURL? = ProcessInfo.processInfo.environment["FLYWHEEL_TEST_POSTGRES_URL"].flatMap {
        try? PostgresURL(parsing: $0)
    }

    static var isConfigured: Bool { url != nil }

    /// Runs `body` with the URL of a new, empty database, dropped afterwards (also when `body` throws).
    static func withDatabase<T>(_ body: (PostgresURL) async throws -> T) async throws -> T {
        guard let server = url else { throw NotConfigured() }
        let name = "flywheel_srv_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
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

    /// One statement on its own connection (names of databases cannot be bound).
    private static func administer(_ url: PostgresURL, _ sql: String) async throws {
        let configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
            tls: .disable)
        let connection = try await PostgresConnection.connect(
            configuration: configuration, id: 1, logger: PostgresStore.silentLogger)
        do {
            _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: PostgresStore.silentLogger).collect()
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }

    struct NotConfigured: Error, CustomStringConvertible {
        var description: String { "FLYWHEEL_TEST_POSTGRES_URL is not set: run scripts/with-postgres swift test" }
    }
}
