import Foundation
import PostgresNIO

/// An instant as a PostgreSQL `TIMESTAMPTZ`, kept to the millisecond like every engine of the contract.
///
/// PostgreSQL counts microseconds since 2000-01-01T00:00:00Z; Flywheel keeps whole milliseconds, rounded
/// as `ContentHash` rounds them, so a record read back is equal to (and hashes as) the one written. The
/// conversion is done in integers: Foundation's `Date` codec of PostgresNIO goes through `Double` and may
/// land a microsecond off.
struct PostgresTimestamp: Hashable, Sendable {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    var milliseconds: Int64

    /// Microseconds from 1970-01-01 to PostgreSQL's epoch, 2000-01-01.
    private static let postgresEpochMicroseconds: Int64 = 946_684_800_000_000

    init(milliseconds: Int64) { self.milliseconds = milliseconds }

    /// The instant, rounded to the nearest millisecond.
    init(_ date: Date) { milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    /// The instant as a `Date`.
    var date: Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }
}

extension PostgresTimestamp: PostgresNonThrowingEncodable, PostgresArrayEncodable {
    static var psqlType: PostgresDataType { .timestamptz }
    static var psqlFormat: PostgresFormat { .binary }
    static var psqlArrayType: PostgresDataType { .timestamptzArray }

    func encode<JSONEncoder: PostgresJSONEncoder>(
        into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
    ) {
        byteBuffer.writeInteger(milliseconds * 1000 - Self.postgresEpochMicroseconds)
    }
}

extension PostgresTimestamp: PostgresDecodable {
    init<JSONDecoder: PostgresJSONDecoder>(
        from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat,
        context: PostgresDecodingContext<JSONDecoder>
    ) throws {
        guard format == .binary, type == .timestamptz || type == .timestamp else {
            throw PostgresDecodingError.Code.typeMismatch
        }
        guard buffer.readableBytes == 8, let microseconds = buffer.readInteger(as: Int64.self),
            microseconds != .max, microseconds != .min  // 'infinity', '-infinity'
        else { throw PostgresDecodingError.Code.failure }
        let sinceUnixEpoch = microseconds + Self.postgresEpochMicroseconds
        // Round to the nearest millisecond, halves away from zero (a value another program wrote).
        let (quotient, remainder) = sinceUnixEpoch.quotientAndRemainder(dividingBy: 1000)
        milliseconds = quotient + (remainder >= 500 ? 1 : remainder <= -500 ? -1 : 0)
    }
}
