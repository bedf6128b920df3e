import Foundation

/// How the SQLite engine stores an instant: INTEGER milliseconds since 1970-01-01T00:00:00Z (UTC).
///
/// The rounding is the one `ContentHash` applies, so a record read back hashes as it did when it was written.
enum EpochMilliseconds {
    /// The instant as whole milliseconds since the Unix epoch, rounded to the nearest millisecond.
    static func from(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    /// The instant of a stored value.
    static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }
}
