import FlywheelCore
import PostgresNIO

/// A calendar date as a PostgreSQL `DATE` (days since 2000-01-01 on the wire).
struct PostgresDay: Hashable, Sendable {
    var date: CivilDate

    /// Days from 1970-01-01 to PostgreSQL's epoch, 2000-01-01.
    private static let postgresEpochDays = 10_957

    init(_ date: CivilDate) { self.date = date }
}

extension PostgresDay: PostgresNonThrowingEncodable, PostgresArrayEncodable {
    static var psqlType: PostgresDataType { .date }
    static var psqlFormat: PostgresFormat { .binary }
    static var psqlArrayType: PostgresDataType { .dateArray }

    func encode<JSONEncoder: PostgresJSONEncoder>(
        into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
    ) {
        byteBuffer.writeInteger(Int32(date.daysSinceEpoch - Self.postgresEpochDays))
    }
}

extension PostgresDay: PostgresDecodable {
    init<JSONDecoder: PostgresJSONDecoder>(
        from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat,
        context: PostgresDecodingContext<JSONDecoder>
    ) throws {
        guard format == .binary, type == .date else { throw PostgresDecodingError.Code.typeMismatch }
        guard buffer.readableBytes == 4, let days = buffer.readInteger(as: Int32.self) else {
            throw PostgresDecodingError.Code.failure
        }
        let parts = CivilDate.components(daysSinceEpoch: Int(days) + Self.postgresEpochDays)
        // Dates the domain cannot hold (before 1900, 'infinity') are unreadable.
        guard let date = CivilDate(year: parts.year, month: parts.month, day: parts.day) else {
            throw PostgresDecodingError.Code.failure
        }
        self.date = date
    }
}
