/// A failure of the SQLite engine itself (not a refused batch: that is `IngestError`).
///
/// The description names the table and column and says what to do; it never carries stored values, which may
/// be personal data.
public struct SQLiteStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case unreadableValue(table: String, column: String)
        case newerSchema(migration: String)
    }

    private let kind: Kind

    private init(_ kind: Kind) { self.kind = kind }

    /// A stored value this version of Flywheel cannot read (an unknown currency, status or date).
    static func unreadableValue(table: String, column: String) -> SQLiteStoreError {
        SQLiteStoreError(.unreadableValue(table: table, column: column))
    }

    /// The file was migrated by a newer Flywheel: it names a migration this version does not know.
    static func newerSchema(migration: String) -> SQLiteStoreError {
        SQLiteStoreError(.newerSchema(migration: migration))
    }

    public var description: String {
        switch kind {
        case .unreadableValue(let table, let column):
            "the database holds a value in \(table).\(column) that this version of Flywheel cannot read; "
                + "it was written by another program or a newer Flywheel: upgrade Flywheel or restore a backup"
        case .newerSchema(let migration):
            "the database was migrated by a newer Flywheel (it has migration \"\(migration)\", unknown to this "
                + "version): upgrade Flywheel to open it"
        }
    }
}
