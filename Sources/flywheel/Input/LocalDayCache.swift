import Foundation

/// Instants → day numbers (days since 1970-01-01) in the shop's time zone, fast enough for millions of
/// orders: the zone's offset is asked of `TimeZone` once per UTC day (at its first and last second) and
/// kept; only days with a transition (summer time starting or ending) ask for each instant.
struct LocalDayCache {
    let timeZone: TimeZone
    private var base = 0
    private var offsets: [Int32] = []

    private static let unknown = Int32.min
    private static let mixed = Int32.max

    init(timeZone: TimeZone) { self.timeZone = timeZone }

    /// The local day number of an instant.
    mutating func day(of instant: Date) -> Int {
        let seconds = Int64(min(max(instant.timeIntervalSince1970.rounded(.down), -1e13), 1e13))
        let utcDay = Int(Self.floorDiv(seconds, 86_400))
        var offset = cachedOffset(utcDay: utcDay)
        if offset == Self.mixed { offset = Int32(timeZone.secondsFromGMT(for: instant)) }
        return Int(Self.floorDiv(seconds + Int64(offset), 86_400))
    }

    private mutating func cachedOffset(utcDay: Int) -> Int32 {
        let slot = utcDay - base
        if slot >= 0 && slot < offsets.count {
            let cached = offsets[slot]
            if cached != Self.unknown { return cached }
        } else {
            grow(toInclude: utcDay)
        }
        let start = Date(timeIntervalSince1970: TimeInterval(utcDay) * 86_400)
        let first = timeZone.secondsFromGMT(for: start)
        let last = timeZone.secondsFromGMT(for: start.addingTimeInterval(86_399))
        let offset = first == last ? Int32(first) : Self.mixed
        offsets[utcDay - base] = offset
        return offset
    }

    private mutating func grow(toInclude utcDay: Int) {
        guard !offsets.isEmpty else {
            base = utcDay - 366
            offsets = Array(repeating: Self.unknown, count: 4 * 366)
            return
        }
        let newBase = min(base, utcDay - 366)
        let newEnd = max(base + offsets.count, utcDay + 366)
        var grown = Array(repeating: Self.unknown, count: newEnd - newBase)
        grown.replaceSubrange((base - newBase)..<(base - newBase + offsets.count), with: offsets)
        base = newBase
        offsets = grown
    }

    private static func floorDiv(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor != 0 && value < 0 ? quotient - 1 : quotient
    }
}
