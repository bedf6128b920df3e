import GRDB

extension SQLiteStore {
    /// Reads the journal mode, the foreign-key setting of the writer and of a reader, and the migrations.
    public func diagnostics() async throws -> SQLiteDiagnostics {
        let migrator = SQLiteMigrations.migrator
        let writerEnforces = try await pool.writeWithoutTransaction { db in
            try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false
        }
        return try await pool.read { db in
            let applied = try migrator.appliedMigrations(db)
            let readerEnforces = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false
            return SQLiteDiagnostics(
                journalMode: try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "",
                foreignKeysEnabled: writerEnforces && readerEnforces,
                appliedMigrations: applied,
                pendingMigrations: migrator.migrations.filter { !applied.contains($0) },
                sqliteVersion: try String.fetchOne(db, sql: "SELECT sqlite_version()") ?? "")
        }
    }
}
