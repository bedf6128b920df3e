import FlywheelCore

/// Months counted from January 1900 (index 0), the key of monthly figures and cohorts.
enum MonthIndex {
    /// The month index of a local day number (days since 1970-01-01): read from `monthOfDay` for days from
    /// 1900 through 2199 (every order's month is asked for as it is loaded), else computed.
    @inline(__always)
    static func of(dayNumber: Int) -> Int {
        let offset = dayNumber &- firstTableDay
        if offset >= 0 && offset < monthOfDay.count { return Int(monthOfDay[offset]) }
        return computed(dayNumber: dayNumber)
    }

    /// The month index by the civil calendar's arithmetic (`CivilDate.components`).
    static func computed(dayNumber: Int) -> Int {
        let (year, month, _) = CivilDate.components(daysSinceEpoch: dayNumber)
        return (year - 1900) * 12 + month - 1
    }

    /// 1900-01-01, the first day of `monthOfDay`.
    private static let firstTableDay = CivilDate.daysSinceEpoch(year: 1900, month: 1, day: 1)

    /// The month index of every day from 1900-01-01 through 2199-12-31 (220 KB, filled month by month once):
    /// a table read costs less than `CivilDate.components`' divisions, which the loader and the occasion
    /// passes ask for per order (docs/performance.md, "Eleventh round").
    private static let monthOfDay: [Int16] = {
        var table: [Int16] = []
        table.reserveCapacity(CivilDate.daysSinceEpoch(year: 2200, month: 1, day: 1) - firstTableDay)
        for year in 1900..<2200 {
            for month in 1...12 {
                let index = Int16((year - 1900) * 12 + month - 1)
                table.append(contentsOf: repeatElement(index, count: CivilDate.daysInMonth(year: year, month: month)))
            }
        }
        return table
    }()

    /// The month index of a date.
    static func of(_ date: CivilDate) -> Int { (date.year - 1900) * 12 + date.month - 1 }

    /// The first day (days since 1970-01-01) of a month index.
    static func firstDay(ofMonthIndex index: Int) -> Int {
        let year = 1900 + index.floorDivided(by: 12)
        let month = index - (year - 1900) * 12 + 1
        return CivilDate.daysSinceEpoch(year: year, month: month, day: 1)
    }

    /// The month of a month index.
    static func yearMonth(_ index: Int) -> YearMonth {
        let year = 1900 + index.floorDivided(by: 12)
        return YearMonth(year: year, month: index - (year - 1900) * 12 + 1)!
    }
}

extension Int {
    /// Division rounding toward minus infinity.
    @inline(__always)
    func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
