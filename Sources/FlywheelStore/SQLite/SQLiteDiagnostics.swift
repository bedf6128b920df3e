/// How an `SQLiteStore`'s file and connections are set up, for `flywheel status` and for tests.
public struct SQLiteDiagnostics: Hashable, Sendable {
    /// The file's journal mode: `wal` for every file this engine opened.
    public var journalMode: String
    /// Whether foreign keys are enforced on the writer and on a reader connection.
    public var foreignKeysEnabled: Bool
    /// Names of the migrations applied to the file, oldest first.
    public var appliedMigrations: [String]
    /// Names of the migrations `migrate()` would still apply, oldest first.
    public var pendingMigrations: [String]
    /// The SQLite library's version, e.g. `3.40.1`.
    public var sqliteVersion: String

    public init(
        journalMode: String, foreignKeysEnabled: Bool, appliedMigrations: [String], pendingMigrations: [String],
        sqliteVersion: String
    ) {
        self.journalMode = journalMode
        self.foreignKeysEnabled = foreignKeysEnabled
        self.appliedMigrations = appliedMigrations
        self.pendingMigrations = pendingMigrations
        self.sqliteVersion = sqliteVersion
    }
}
