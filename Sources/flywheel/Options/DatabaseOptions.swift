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
            "The SQLite file to use (created if missing).",
            discussion: "Defaults to $FLYWHEEL_DATABASE, else ./flywheel.sqlite.", valueName: "path"))
    var database: String?

    /// The location after flags > environment > default.
    func location(default fallback: String = "flywheel.sqlite") -> String {
        database ?? ProcessInfo.processInfo.environment["FLYWHEEL_DATABASE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? fallback
    }

    /// Opens the store, brings its schema up to date, and gives a new shop its default settings.
    func openStore(default fallback: String = "flywheel.sqlite") async throws -> any FlywheelStore {
        let location = location(default: fallback)
        if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
            throw ValidationError(
                "--database: PostgreSQL is not supported by this build yet; give a SQLite file path")
        }
        let store = try SQLiteStore(path: location)
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
        return OpenedStore(store: try await openStore(), services: [], description: location)
    }
}
