import FlywheelCore
import Foundation
import GRDB

/// Reading a column by its position in the SELECT (the hot read paths: a customer's ledger is read by
/// every ledger write), which skips the case-insensitive name search `row["name"]` does per value. The name
/// is still given, for the error that names the table and column.
extension StoredRow {
    func int64(_ index: Int, _ column: String) throws -> Int64 {
        guard let value: Int64 = row[index] else { throw unreadable(column) }
        return value
    }

    func optionalInt64(_ index: Int) -> Int64? { row[index] }

    func int(_ index: Int, _ column: String) throws -> Int {
        guard let value = Int(exactly: try int64(index, column)) else { throw unreadable(column) }
        return value
    }

    func optionalInt(_ index: Int, _ column: String) throws -> Int? {
        guard let value = optionalInt64(index) else { return nil }
        guard let int = Int(exactly: value) else { throw unreadable(column) }
        return int
    }

    func bool(_ index: Int, _ column: String) throws -> Bool {
        switch try int64(index, column) {
        case 0: false
        case 1: true
        default: throw unreadable(column)
        }
    }

    func string(_ index: Int, _ column: String) throws -> String {
        guard let value: String = row[index] else { throw unreadable(column) }
        return value
    }

    func optionalString(_ index: Int) -> String? { row[index] }

    func date(_ index: Int, _ column: String) throws -> Date { EpochMilliseconds.date(try int64(index, column)) }

    func optionalDate(_ index: Int) -> Date? { optionalInt64(index).map(EpochMilliseconds.date) }

    func currency(_ index: Int, _ column: String) throws -> CurrencyCode {
        guard let currency = CurrencyCode(try string(index, column)) else { throw unreadable(column) }
        return currency
    }

    func value<Value: RawRepresentable<String>>(_ index: Int, _ column: String, as type: Value.Type = Value.self) throws
        -> Value
    {
        guard let value = Value(rawValue: try string(index, column)) else { throw unreadable(column) }
        return value
    }
}
