import Foundation
import GRDB
import GRDBSQLite

/// SQLite's "copy this value" destructor, which Swift cannot spell as a constant.
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// A cached GRDB statement on the ingest path whose parameters are bound straight through SQLite's C API:
/// no `StatementArguments` array, no boxed values, no SQL text per row.
///
/// Statements are stepped directly too, bypassing GRDB's per-statement bookkeeping: that is only sound
/// because the pool is private to `SQLiteStore`, where no GRDB observation (`ValueObservation`,
/// `DatabaseRegionObservation`, transaction observers) watches the tables. Add one, and writes made here will
/// not notify it.
///
/// Use: `reset()`, `bind` every parameter, then `execute()` or `step()`. Valid only inside the database
/// access that created it.
struct FastStatement {
    private let statement: Statement
    private let handle: OpaquePointer

    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        handle = statement.sqliteStatement
    }

    /// Readies the statement for new values (previous values stay bound until replaced).
    func reset() {
        // The result of a reset repeats the previous step's error, which was already reported.
        _ = sqlite3_reset(handle)
    }

    func bind(_ index: Int32, _ value: Int64) throws {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    func bind(_ index: Int32, _ value: Int64?) throws {
        guard let value else { return try bindNull(index) }
        try bind(index, value)
    }

    func bind(_ index: Int32, _ value: Int) throws { try bind(index, Int64(value)) }

    func bind(_ index: Int32, _ value: Int?) throws { try bind(index, value.map(Int64.init)) }

    func bind(_ index: Int32, _ value: Bool) throws { try bind(index, Int64(value ? 1 : 0)) }

    func bind(_ index: Int32, _ value: String?) throws {
        guard var value else { return try bindNull(index) }
        let code = value.withUTF8 { utf8 -> Int32 in
            guard let base = utf8.baseAddress, !utf8.isEmpty else {
                return sqlite3_bind_text(handle, index, "", 0, transient)
            }
            return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                sqlite3_bind_text(handle, index, $0, Int32(utf8.count), transient)
            }
        }
        try check(code)
    }

    func bind(_ index: Int32, _ value: String) throws { try bind(index, Optional(value)) }

    func bindNull(_ index: Int32) throws { try check(sqlite3_bind_null(handle, index)) }

    func bind(_ index: Int32, _ value: Data) throws {
        let code = value.withUnsafeBytes { bytes -> Int32 in
            sqlite3_bind_blob(handle, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count), transient)
        }
        try check(code)
    }

    /// Runs a write with the bound values.
    func execute() throws {
        let code = sqlite3_step(handle)
        if code != SQLITE_DONE { throw error(code) }
    }

    /// Steps a query once: `true` when it produced a row, readable with `int64(_:)` and `isNull(_:)`.
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw error(code)
        }
    }

    /// Column `index` (0-based) of the current row.
    func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

    /// Column `index` (0-based) of the current row as text (NULL reads as "").
    func text(_ index: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// Column `index` (0-based) of the current row as bytes (NULL reads as empty).
    func data(_ index: Int32) -> Data {
        let count = Int(sqlite3_column_bytes(handle, index))
        guard let bytes = sqlite3_column_blob(handle, index), count > 0 else { return Data() }
        return Data(bytes: bytes, count: count)
    }

    /// Column `index` (0-based) of the current row as text, or `nil` when NULL.
    func optionalText(_ index: Int32) -> String? { isNull(index) ? nil : text(index) }

    /// Whether column `index` (0-based) of the current row is NULL.
    func isNull(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }

    /// Column `index` (0-based) of the current row, or `nil` when NULL.
    func optionalInt64(_ index: Int32) -> Int64? { isNull(index) ? nil : int64(index) }

    /// The row id the last insert on this connection created.
    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(sqlite3_db_handle(handle)) }

    /// The rows the last write on this connection changed.
    var changes: Int { Int(sqlite3_changes(sqlite3_db_handle(handle))) }

    private func check(_ code: Int32) throws {
        if code != SQLITE_OK { throw error(code) }
    }

    private func error(_ code: Int32) -> DatabaseError {
        let message = sqlite3_db_handle(handle).flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
}
