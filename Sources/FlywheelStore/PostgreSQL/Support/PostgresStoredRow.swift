import FlywheelCore
import Foundation
import PostgresNIO

/// Reads one fetched row into domain values by column name; a value the domain cannot hold (an unknown
/// currency, a NULL in a required column) throws `PostgresStoreError.unreadableValue` naming table and column.
struct PostgresStoredRow {
    let row: PostgresRandomAccessRow
    let table: String

    init(_ row: PostgresRow, table: String) {
        self.row = row.makeRandomAccess()
        self.table = table
    }

    /// The column's value; NULL or a value of another type is unreadable.
    func decode<Value: PostgresDecodable>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        guard row.contains(column) else { throw unreadable(column) }
        do {
            return try row[column].decode(Value.self, context: .default)
        } catch {
            throw unreadable(column)
        }
    }

    /// The column's value, `nil` when NULL.
    func optional<Value: PostgresDecodable>(_ column: String, as type: Value.Type = Value.self) throws -> Value?
    where Value._DecodableType == Value {
        try decode(column, as: Optional<Value>.self)
    }

    func string(_ column: String) throws -> String { try decode(column) }
    func optionalString(_ column: String) throws -> String? { try optional(column) }
    func int64(_ column: String) throws -> Int64 { try decode(column) }
    func optionalInt64(_ column: String) throws -> Int64? { try optional(column) }
    func int(_ column: String) throws -> Int { try decode(column) }
    func optionalInt(_ column: String) throws -> Int? { try optional(column) }
    func bool(_ column: String) throws -> Bool { try decode(column) }
    func date(_ column: String) throws -> Date { try decode(column, as: PostgresTimestamp.self).date }
    func optionalDate(_ column: String) throws -> Date? { try optional(column, as: PostgresTimestamp.self)?.date }

    func currency(_ column: String) throws -> CurrencyCode {
        guard let currency = CurrencyCode(try string(column)) else { throw unreadable(column) }
        return currency
    }

    func value<Value: RawRepresentable<String>>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        guard let value = Value(rawValue: try string(column)) else { throw unreadable(column) }
        return value
    }

    func optionalValue<Value: RawRepresentable<String>>(_ column: String, as type: Value.Type = Value.self) throws
        -> Value?
    {
        guard let text = try optionalString(column) else { return nil }
        guard let value = Value(rawValue: text) else { throw unreadable(column) }
        return value
    }

    /// An array column (NULL reads as empty), its elements NULL in places.
    func array<Element>(_ column: String, of type: Element.Type = Element.self) throws -> [Element?]
    where
        Element: PostgresArrayEncodable & PostgresNonThrowingEncodable & PostgresDecodable & Sendable,
        Element._DecodableType == Element
    {
        try optional(column, as: NullableArray<Element>.self)?.elements ?? []
    }

    func unreadable(_ column: String) -> PostgresStoreError { .unreadableValue(table: table, column: column) }
}
