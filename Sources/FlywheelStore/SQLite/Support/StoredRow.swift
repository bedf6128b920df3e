import FlywheelCore
import Foundation
import GRDB

/// Reads one fetched row into domain values; a value the domain cannot hold (an unknown currency, a NULL in
/// a required column) throws `SQLiteStoreError.unreadableValue` naming the table and column.
struct StoredRow {
    let row: Row
    let table: String

    init(_ row: Row, table: String) {
        self.row = row
        self.table = table
    }

    func int64(_ column: String) throws -> Int64 {
        guard let value: Int64 = row[column] else { throw unreadable(column) }
        return value
    }

    func optionalInt64(_ column: String) -> Int64? { row[column] }

    func int(_ column: String) throws -> Int {
        guard let value = Int(exactly: try int64(column)) else { throw unreadable(column) }
        return value
    }

    func optionalInt(_ column: String) throws -> Int? {
        guard let value = optionalInt64(column) else { return nil }
        guard let int = Int(exactly: value) else { throw unreadable(column) }
        return int
    }

    func bool(_ column: String) throws -> Bool {
        switch try int64(column) {
        case 0: false
        case 1: true
        default: throw unreadable(column)
        }
    }

    func string(_ column: String) throws -> String {
        guard let value: String = row[column] else { throw unreadable(column) }
        return value
    }

    func optionalString(_ column: String) -> String? { row[column] }

    func date(_ column: String) throws -> Date { EpochMilliseconds.date(try int64(column)) }

    func optionalDate(_ column: String) -> Date? { optionalInt64(column).map(EpochMilliseconds.date) }

    func currency(_ column: String) throws -> CurrencyCode {
        guard let currency = CurrencyCode(try string(column)) else { throw unreadable(column) }
        return currency
    }

    func optionalCurrency(_ column: String) throws -> CurrencyCode? {
        guard optionalString(column) != nil else { return nil }
        return try currency(column)
    }

    func value<Value: RawRepresentable<String>>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        guard let value = Value(rawValue: try string(column)) else { throw unreadable(column) }
        return value
    }

    func optionalValue<Value: RawRepresentable<String>>(_ column: String, as type: Value.Type = Value.self) throws
        -> Value?
    {
        guard optionalString(column) != nil else { return nil }
        return try value(column, as: type)
    }

    func unreadable(_ column: String) -> SQLiteStoreError { .unreadableValue(table: table, column: column) }
}
