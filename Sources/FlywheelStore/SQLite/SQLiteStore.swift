public import FlywheelCore
import Foundation
import GRDB
import Synchronization

/// The store contract in one SQLite file: the engine for a single shop on one machine.
///
/// The file is opened as a GRDB `DatabasePool` in WAL mode: one writer and concurrent readers, reads never
/// wait for an import. `synchronous = NORMAL` (WAL's usual setting): a killed process loses nothing that
/// committed; a power cut may lose the last transactions but never corrupts the file. Foreign keys are
/// enforced on every connection, and a busy file is waited for rather than failed at once.
///
/// Call `migrate()` before anything else. Semantics are those of `FlywheelStore` and match `InMemoryStore`;
/// instants are kept to the millisecond (see docs/storage.md).
public final class SQLiteStore: FlywheelStore {
    /// The database file.
    public let path: String
    let pool: DatabasePool
    /// The customers each recent ingest session counted (see `IngestSessions`).
    let sessions = Mutex(IngestSessions())
    /// Shares write transactions between small concurrent batches.
    let groupCommit: GroupCommit
    /// Recently written customers' ledger records as committed (see `LedgerRecordsCache`).
    let ledgerCache = LedgerRecordsCache()

    /// Opens the SQLite file at `path`, creating it if it does not exist. `checkpointPages` is the WAL size
    /// (in 4 KiB pages) at which a commit copies the log back into the file: large for bulk imports (each
    /// page copied once for many batches), small for a server (many short stalls instead of a few long ones).
    public init(path: String, checkpointPages: Int = 16_384) throws {
        var configuration = Configuration()
        configuration.label = "Flywheel"
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            if !db.configuration.readonly {
                // The writer's page cache: 64 MiB keeps the indexes a large import touches hot, and bounds
                // its memory. A batch of a few thousand orders dirties a few MiB of scattered index pages:
                // checkpointing every 64 MiB of WAL (not SQLite's 4 MiB) copies each page once for many
                // batches, and the WAL file is cut back to 64 MiB after a checkpoint.
                try db.execute(sql: "PRAGMA cache_size = -65536")
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(max(100, checkpointPages))")
                try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
                // Space freed inside a page is zeroed (at no extra I/O), so an old copy of a changed row (an
                // e-mail address before erasure) does not linger in the file (docs/consent.md).
                try db.execute(sql: "PRAGMA secure_delete = FAST")
            }
        }
        self.path = path
        pool = try DatabasePool(path: path, configuration: configuration)
        groupCommit = GroupCommit(pool: pool)
    }

    /// Closes the file's connections; the store must not be used afterwards. Releasing the store closes
    /// them too.
    public func close() throws { try pool.close() }

    /// Applies the migrations the file lacks, in order. Refuses a file a newer Flywheel migrated.
    public func migrate() async throws {
        let migrator = SQLiteMigrations.migrator
        let unknown = try await pool.read { db in
            try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
        }
        if let migration = unknown.first { throw SQLiteStoreError.newerSchema(migration: migration) }
        let pool = self.pool
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            migrator.asyncMigrate(pool) { result in continuation.resume(with: result.map { _ in () }) }
        }
    }

    public func shopSettings() async throws -> ShopSettings? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: ShopSettings.sqliteSelect).map(ShopSettings.init(sqliteRow:))
        }
    }

    public func saveShopSettings(_ settings: ShopSettings) async throws {
        try settings.validate()
        try await pool.write { db in try db.execute(sql: ShopSettings.sqliteUpsert, arguments: settings.sqliteArguments)
        }
    }
}
