import FlywheelCore

/// Months counted from January 1900 (index 0), the key of monthly figures and cohorts.
enum MonthIndex {
    /// The month index of a local day number (days since 1970-01-01).
    @inline(__always)
    static func of(dayNumber: Int) -> Int {
        let (year, month, _) = CivilDate.components(daysSinceEpoch: dayNumber)
        return (year - 1900) * 12 + month - 1
    }

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
