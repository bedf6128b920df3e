import FlywheelCore
import Foundation

/// New enrolment ids: `enr_`, the instant of entry (12 hex digits of Unix milliseconds), the scheduler's count
/// of ids made so far (8 hex digits), then 48 random bits (12 hex digits) — 36 characters.
///
/// Time and count first, so the rows a mass of entries makes — and everything keyed by the enrolment id later:
/// the id's unique index, the outbox's idempotency keys (`<id>/<step>/<n>`) and the timeline's keys
/// (`<id>#<n>`) — are written in the order they sort, onto the last pages of each index, instead of one random
/// page per row as a random UUID put them (docs/performance.md, "Where a mass of due steps writes"). The count
/// keeps that order within one instant (a sweep or a segment send enters thousands of customers with one
/// `now`); the random part keeps ids of other processes apart. Enrolments due at the same instant are claimed
/// in the order they were stored, which is this order too. Ids of older builds (`enr_<UUID>`) stay valid:
/// nothing reads meaning out of an id.
enum EnrolmentID {
    /// A new id for an enrolment entered at `now`, the `sequence`-th this scheduler made (wraps around).
    static func make(now: Date, sequence: UInt32) -> String {
        let milliseconds = UInt64(max(0, (now.timeIntervalSince1970 * 1000).rounded())) & 0xFFFF_FFFF_FFFF
        var random = SystemRandomNumberGenerator()
        let noise = (random.next() as UInt64) & 0xFFFF_FFFF_FFFF
        return "enr_" + HexDigits.padded(milliseconds, digits: 12) + HexDigits.padded(UInt64(sequence), digits: 8)
            + HexDigits.padded(noise, digits: 12)
    }
}
