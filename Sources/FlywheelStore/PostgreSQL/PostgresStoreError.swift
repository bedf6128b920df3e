/// A failure of the PostgreSQL engine itself (not a refused batch: that is `IngestError`).
///
/// Descriptions say what went wrong and what to do. They name the server, database and user, never the
/// password, and never stored values or SQL arguments (which may be personal data).
public struct PostgresStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case invalidURL(reason: String)
        case cannotConnect(server: String, reason: String)
        case connectionLost(reason: String)
        case statementFailed(sqlState: String, message: String)
        case unreadableValue(table: String, column: String)
        case newerSchema(migration: String)
    }

    private let kind: Kind

    private init(_ kind: Kind) { self.kind = kind }

    /// The database URL cannot be used; `reason` says which part is wrong (it never quotes the password).
    static func invalidURL(_ reason: String) -> PostgresStoreError { PostgresStoreError(.invalidURL(reason: reason)) }

    /// The server could not be reached or refused the login. `server` names host, port, database and user.
    static func cannotConnect(server: String, reason: String) -> PostgresStoreError {
        PostgresStoreError(.cannotConnect(server: server, reason: reason))
    }

    /// The connection broke while talking to the server.
    static func connectionLost(reason: String) -> PostgresStoreError {
        PostgresStoreError(.connectionLost(reason: reason))
    }

    /// The server refused a statement (a constraint, a permission, a statement timeout).
    static func statementFailed(sqlState: String, message: String) -> PostgresStoreError {
        PostgresStoreError(.statementFailed(sqlState: sqlState, message: message))
    }

    /// A stored value this version of Flywheel cannot read (an unknown currency, status or date).
    static func unreadableValue(table: String, column: String) -> PostgresStoreError {
        PostgresStoreError(.unreadableValue(table: table, column: column))
    }

    /// The database was migrated by a newer Flywheel: it names a migration this version does not know.
    static func newerSchema(migration: String) -> PostgresStoreError {
        PostgresStoreError(.newerSchema(migration: migration))
    }

    /// The SQLSTATE of a statement the server refused (e.g. `23505` for a unique violation), else `nil`.
    public var sqlState: String? {
        if case .statementFailed(let sqlState, _) = kind { return sqlState }
        return nil
    }

    public var description: String {
        switch kind {
        case .invalidURL(let reason):
            "the PostgreSQL URL cannot be used: \(reason); the form is postgres://USER:PASSWORD@HOST:PORT/DATABASE"
        case .cannotConnect(let server, let reason):
            "cannot connect to PostgreSQL \(server): \(reason); check that the server runs and the URL's host, "
                + "port, database, user and password"
        case .connectionLost(let reason):
            "the connection to PostgreSQL failed: \(reason); an interrupted write was stored whole or not at all: "
                + "repeat it (ingesting is idempotent)"
        case .statementFailed(let sqlState, let message):
            "PostgreSQL refused a statement (SQLSTATE \(sqlState)): \(message)"
        case .unreadableValue(let table, let column):
            "the database holds a value in \(table).\(column) that this version of Flywheel cannot read; "
                + "it was written by another program or a newer Flywheel: upgrade Flywheel or restore a backup"
        case .newerSchema(let migration):
            "the database was migrated by a newer Flywheel (it has migration \"\(migration)\", unknown to this "
                + "version): upgrade Flywheel to use it"
        }
    }
}
