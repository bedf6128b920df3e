import FlywheelCore
import GRDB

/// What an upsert did, with the row id of the record.
enum UpsertOutcome {
    case created(Int64)
    case updated(Int64)
    case unchanged(Int64)
}

extension UpsertTally {
    mutating func add(_ outcome: UpsertOutcome) {
        switch outcome {
        case .created: created += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        }
    }
}

/// The prepared statements of one upserted table, and the upsert they make together: find the stored
/// `(id, content_hash)` of the key, then insert, update, or do nothing when the hash matches.
///
/// `prefetch` looks a batch's keys up in one statement (one VDBE run instead of a statement per key) and
/// answers later lookups from memory, which the upserts keep current. Without it, each key is looked up when
/// upserted. For the tables a batch fills by the thousand, see `ChunkedUpsert`.
struct UpsertStatements {
    let table: UpsertTable
    private let lookup: FastStatement
    private let prefetchKeys: FastStatement
    private let insert: FastStatement
    private let update: FastStatement
    /// The batch's stored rows by key, once prefetched: bounded by the batch, gone with it.
    private var known: [String: (id: Int64, hash: Int64)]?

    init(_ db: Database, _ table: UpsertTable) throws {
        self.table = table
        lookup = try FastStatement(db, sql: table.lookupSQL)
        prefetchKeys = try FastStatement(db, sql: table.prefetchSQL)
        insert = try FastStatement(db, sql: table.insertSQL)
        update = try FastStatement(db, sql: table.updateSQL)
    }

    /// Looks up the stored rows of `keys`, all the keys the batch will look up in this table.
    mutating func prefetch(_ keys: some Collection<String>) throws {
        known = try table.fetch(keys, with: prefetchKeys)
    }

    /// The stored row of `key`: its id and content hash.
    func find(_ key: String) throws -> (id: Int64, hash: Int64)? {
        if let known { return known[key] }
        lookup.reset()
        try lookup.bind(1, key)
        defer { lookup.reset() }
        guard try lookup.step() else { return nil }
        return (lookup.int64(0), lookup.int64(1))
    }

    /// Stores a record under `key` unless its stored `content_hash` equals `hash`. `bind` binds the table's
    /// columns (parameters `?1 … ?n`) of the record.
    mutating func upsert(key: String, hash: Int64, bind: (FastStatement) throws -> Void) throws -> UpsertOutcome {
        guard let stored = try find(key) else {
            insert.reset()
            try bind(insert)
            try insert.bind(table.hashParameter, hash)
            try insert.execute()
            let id = insert.lastInsertedRowID
            known?[key] = (id, hash)
            return .created(id)
        }
        if stored.hash == hash { return .unchanged(stored.id) }
        update.reset()
        try bind(update)
        try update.bind(table.hashParameter, hash)
        try update.bind(table.idParameter, stored.id)
        try update.execute()
        known?[key] = (stored.id, hash)
        return .updated(stored.id)
    }
}
