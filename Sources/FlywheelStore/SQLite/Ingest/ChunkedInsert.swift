import GRDB

/// Inserts rows of one table several at a time, `INSERT INTO t (…) VALUES (…), (…), …`: one statement
/// execution (one set of open cursors, one VDBE run) for up to `chunkSize` rows instead of one per row.
///
/// Rows wait until `flush()`, which the owner calls once `isFull` (and before anything reads or changes the
/// table, or inserts rows whose foreign keys need these).
struct ChunkedInsert<Pending> {
    static var chunkSize: Int { 32 }

    private let db: Database
    private let table: String
    private let columns: [String]
    private let bindRow: (Pending, FastStatement, _ firstParameter: Int32) throws -> Void
    private var pending: [Pending] = []
    /// The statement text for each chunk length, built when first needed.
    private var sqlByCount: [String?]

    /// `bindRow` binds one row's columns, in `columns` order, from parameter `firstParameter` on.
    init(
        _ db: Database, table: String, columns: [String],
        bindRow: @escaping (Pending, FastStatement, _ firstParameter: Int32) throws -> Void
    ) {
        self.db = db
        self.table = table
        self.columns = columns
        self.bindRow = bindRow
        sqlByCount = Array(repeating: nil, count: Self.chunkSize + 1)
        pending.reserveCapacity(Self.chunkSize)
    }

    /// Whether a chunk is ready: time to flush.
    var isFull: Bool { pending.count >= Self.chunkSize }

    mutating func append(_ row: Pending) { pending.append(row) }

    /// Inserts every pending row, `chunkSize` rows per statement (an order's several lines can take the
    /// pending rows past one chunk before the owner flushes).
    mutating func flush() throws {
        let width = Int32(columns.count)
        var start = 0
        while start < pending.count {
            let end = min(start + Self.chunkSize, pending.count)
            let statement = try FastStatement(db, sql: sql(rows: end - start))
            statement.reset()
            for index in start..<end {
                try bindRow(pending[index], statement, Int32(index - start) * width + 1)
            }
            try statement.execute()
            start = end
        }
        pending.removeAll(keepingCapacity: true)
    }

    private mutating func sql(rows: Int) -> String {
        if let sql = sqlByCount[rows] { return sql }
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let sql =
            "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            + Array(repeating: row, count: rows).joined(separator: ", ")
        sqlByCount[rows] = sql
        return sql
    }
}
