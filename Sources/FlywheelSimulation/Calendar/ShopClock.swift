import FlywheelCore
/// Local time of the simulated shop (Europe/Berlin) by the EU summer-time rule, computed with integers:
/// CET (UTC+1), and CEST (UTC+2) from the last Sunday of March to the last Sunday of October, 01:00 UTC.
///
/// Computed by hand rather than from the system's time-zone database, so the output does not depend on
/// which tzdata a machine has, and per-order conversions need no `Calendar`.
struct ShopClock: Sendable {
    /// Summer-time starts and ends (UTC seconds), alternating, from the first year on.
    private let transitions: [Int64]

    /// A clock good for the years `years` (times outside fall back to the nearest known rule).
    init(years: ClosedRange<Int>) {
        var transitions: [Int64] = []
        for year in years {
            transitions.append(ShopClock.lastSunday(year: year, month: 3) * 86_400 + 3_600)
            transitions.append(ShopClock.lastSunday(year: year, month: 10) * 86_400 + 3_600)
        }
        self.transitions = transitions
    }

    /// Seconds to add to UTC for local time at the instant.
    @inline(__always)
    func offset(utc: Int64) -> Int64 {
        var passed = 0
        for transition in transitions {
            if utc >= transition { passed += 1 } else { break }
        }
        return passed % 2 == 1 ? 7_200 : 3_600
    }

    /// The UTC instant of a local wall-clock time (seconds since the local epoch). In the autumn overlap
    /// the earlier instant (summer time) wins; a time in the spring gap moves forward by an hour.
    @inline(__always)
    func utc(local: Int64) -> Int64 {
        let summer = local - 7_200
        return offset(utc: summer) == 7_200 ? summer : local - 3_600
    }

    /// Local seconds since the local epoch of a UTC instant.
    @inline(__always)
    func local(utc: Int64) -> Int64 { utc + offset(utc: utc) }

    /// The local day (days since 1970-01-01) of a UTC instant.
    @inline(__always)
    func localDay(utc: Int64) -> Int { Int(ShopClock.floorDiv(local(utc: utc), 86_400)) }

    /// Days since 1970-01-01 of the month's last Sunday.
    static func lastSunday(year: Int, month: Int) -> Int64 {
        let last = Int64(CivilDate.daysSinceEpoch(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month)))
        return last - Int64((CivilDate.weekday(daysSinceEpoch: Int(last)) + 1) % 7)
    }

    @inline(__always)
    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
