public import Foundation

/// UTC seconds → the shop-local day number (days since 1970-01-01 in the shop's zone), without a
/// `Calendar` or a zone lookup per order.
///
/// The zone's offset is looked up once per UTC day (at its first and its last second). When both agree the
/// whole day has that offset — a zone would need two transitions in one day that cancel out for this to be
/// wrong, which no zone in the tz database has. Days with a transition (two a year in zones with summer
/// time) are marked and their instants asked of `TimeZone` one by one.
public struct LocalDayConverter: Sendable {
    /// The shop's time zone.
    public let timeZone: TimeZone
    private var base = 0
    private var offsets: [Int32] = []

    private static let unknown = Int32.min
    private static let mixed = Int32.max

    /// A converter for `timeZone`, with nothing cached yet.
    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    /// The local day of an instant given as whole UTC seconds.
    mutating func localDay(utcSeconds: Int64) -> Int32 {
        let utcDay = Int(utcSeconds.floorDivided(by: 86_400))
        var offset = cachedOffset(utcDay: utcDay)
        if offset == LocalDayConverter.mixed {
            offset = Int32(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utcSeconds))))
        }
        return Int32((utcSeconds + Int64(offset)).floorDivided(by: 86_400))
    }

    /// The local day of an instant.
    public mutating func localDay(of date: Date) -> Int32 { localDay(utcSeconds: LocalDayConverter.seconds(of: date)) }

    /// Whole seconds since 1970 (rounded down) of an instant.
    static func seconds(of date: Date) -> Int64 {
        let interval = date.timeIntervalSince1970.rounded(.down)
        guard interval.isFinite else { return interval > 0 ? Int64.max : Int64.min }
        return Int64(max(min(interval, 9.0e18), -9.0e18))
    }

    private mutating func cachedOffset(utcDay: Int) -> Int32 {
        let slot = utcDay - base
        if slot >= 0 && slot < offsets.count {
            let cached = offsets[slot]
            if cached != LocalDayConverter.unknown { return cached }
        } else {
            grow(toInclude: utcDay)
        }
        let start = Date(timeIntervalSince1970: TimeInterval(utcDay) * 86_400)
        let end = start.addingTimeInterval(86_399)
        let first = timeZone.secondsFromGMT(for: start)
        let last = timeZone.secondsFromGMT(for: end)
        let offset = first == last ? Int32(first) : LocalDayConverter.mixed
        offsets[utcDay - base] = offset
        return offset
    }

    private mutating func grow(toInclude utcDay: Int) {
        if offsets.isEmpty {
            base = utcDay - 366
            offsets = Array(repeating: LocalDayConverter.unknown, count: 4 * 366)
            return
        }
        let newBase = min(base, utcDay - 366)
        let newEnd = max(base + offsets.count, utcDay + 366)
        var grown = Array(repeating: LocalDayConverter.unknown, count: newEnd - newBase)
        grown.replaceSubrange((base - newBase)..<(base - newBase + offsets.count), with: offsets)
        base = newBase
        offsets = grown
    }
}

extension Int64 {
    /// Division rounding toward minus infinity (days before 1970 stay on the right day).
    @inline(__always)
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
