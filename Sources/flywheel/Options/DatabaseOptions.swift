import ArgumentParser
import FlywheelCore
import FlywheelStore
import Foundation
import Logging
import ServiceLifecycle

/// `--database`, shared by every command that opens the store.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The SQLite file to use (created if missing), or a PostgreSQL URL postgres://USER:PASSWORD@HOST:PORT/DB.",
            discussion: "Defaults to $FLYWHEEL_DATABASE, else ./flywheel.sqlite.", valueName: "path-or-url"))
    var database: String?

    static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// The location as it may be shown: a PostgreSQL URL without its password.
    func displayLocation(default fallback: String = "flywheel.sqlite") -> String {
        let location = location(default: fallback)
        guard Self.isPostgres(location) else { return location }
        return (try? PostgresURL(parsing: location))?.description ?? "postgres://…"
    }

    /// The location after flags > environment > default.
    func location(default fallback: String = "flywheel.sqlite") -> String {
        database ?? ProcessInfo.processInfo.environment["FLYWHEEL_DATABASE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? fallback
    }

    /// Opens the store, brings its schema up to date, and gives a new shop its default settings.
    func openStore(default fallback: String = "flywheel.sqlite", serving: Bool = false) async throws
        -> any FlywheelStore
    {
        let location = location(default: fallback)
        let store: any FlywheelStore
        if Self.isPostgres(location) {
            do {
                store = try await PostgresStore.connect(url: location)
            } catch let error as PostgresStoreError {
                throw ValidationError("--database: \(error)")
            }
        } else {
            // A server checkpoints the log often (SQLite's default, 4 MiB) so no request waits for a long one.
            store = try SQLiteStore(path: location, checkpointPages: serving ? 1_000 : 16_384)
        }
        try await store.migrate()
        if try await store.shopSettings() == nil { try await store.saveShopSettings(.defaults) }
        return store
    }
}

/// A store opened for a long-running command, with the services it needs run beside it.
struct OpenedStore {
    var store: any FlywheelStore
    /// Background work the store needs (the PostgreSQL client's connection pool), run in the server's
    /// service group.
    var services: [any Service]
    /// Where the data lives, without credentials.
    var description: String
}

extension DatabaseOptions {
    /// Opens the store for `flywheel serve`.
    func openServing(logger: Logger) async throws -> OpenedStore {
        let location = location()
        let store = try await openStore(serving: true)
        let description = (store as? PostgresStore)?.url.description ?? location
        return OpenedStore(store: store, services: [], description: description)
    }
}
