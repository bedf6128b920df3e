import GRDB

/// The upserts of a table a batch fills by the thousand (customers, orders): new rows are inserted a chunk at
/// a time (`ChunkedInsert`) under row ids chosen here, so the rows that refer to them (order lines, orders of
/// a new customer) can be written before the chunk is.
///
/// Ids continue from the largest stored one, as SQLite's own choice would; the batch's IMMEDIATE transaction
/// keeps every other writer out meanwhile. `Pending` is what a chunk row needs to bind itself.
struct ChunkedUpsert<Pending> {
    let table: UpsertTable
    private let prefetchKeys: FastStatement
    private let update: FastStatement
    private var inserts: ChunkedInsert<Pending>
    private var known: [String: (id: Int64, hash: Int64)] = [:]
    private var nextID: Int64

    /// `bindRow` binds a pending row's `UpsertTable.columnsWithID` from parameter `firstParameter` on.
    init(
        _ db: Database, _ table: UpsertTable,
        bindRow: @escaping (Pending, FastStatement, _ firstParameter: Int32) throws -> Void
    ) throws {
        self.table = table
        prefetchKeys = try FastStatement(db, sql: table.prefetchSQL)
        update = try FastStatement(db, sql: table.updateSQL)
        inserts = ChunkedInsert(db, table: table.name, columns: table.columnsWithID, bindRow: bindRow)
        nextID = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM \(table.name)") ?? 1
    }

    /// Looks up the stored rows of `keys`, which must be every key the batch will look up in this table.
    mutating func prefetch(_ keys: some Collection<String>) throws {
        known = try table.fetch(keys, with: prefetchKeys)
    }

    /// The row of `key`, stored or pending: its id and content hash.
    func find(_ key: String) -> (id: Int64, hash: Int64)? { known[key] }

    /// Whether pending rows fill a chunk.
    var isFull: Bool { inserts.isFull }

    /// Queues a new row under `key`; `pending` receives the row's id. Returns the id.
    mutating func insert(key: String?, hash: Int64, pending: (Int64) -> Pending) -> Int64 {
        let id = nextID
        nextID += 1
        inserts.append(pending(id))
        if let key { known[key] = (id, hash) }
        return id
    }

    /// Rewrites the row `rowID` (flush first if it may still be pending). `bind` binds the table's columns
    /// (parameters `?1 … ?n`).
    mutating func overwrite(key: String?, rowID: Int64, hash: Int64, bind: (FastStatement) throws -> Void) throws {
        update.reset()
        try bind(update)
        try update.bind(table.hashParameter, hash)
        try update.bind(table.idParameter, rowID)
        try update.execute()
        if let key { known[key] = (rowID, hash) }
    }

    /// Inserts the pending rows.
    mutating func flush() throws { try inserts.flush() }
}
