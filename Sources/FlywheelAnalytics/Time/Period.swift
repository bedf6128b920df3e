public import FlywheelCore

/// One reporting period: a month, a quarter or a year of the shop's calendar (in its time zone).
public struct Period: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// Month, quarter or year.
    public let granularity: PeriodGranularity
    /// The calendar year.
    public let year: Int
    /// The month (1–12), the quarter (1–4), or 1 for a year.
    public let number: Int

    /// The month `yearMonth`.
    public static func month(_ yearMonth: YearMonth) -> Period {
        Period(granularity: .month, year: yearMonth.year, number: yearMonth.month)
    }

    /// Quarter `quarter` (1–4) of `year`; `nil` when out of range.
    public static func quarter(year: Int, _ quarter: Int) -> Period? {
        guard (1900...2999).contains(year), (1...4).contains(quarter) else { return nil }
        return Period(granularity: .quarter, year: year, number: quarter)
    }

    /// The calendar year `year`; `nil` outside 1900...2999.
    public static func year(_ year: Int) -> Period? {
        guard (1900...2999).contains(year) else { return nil }
        return Period(granularity: .year, year: year, number: 1)
    }

    /// The period of `granularity` that contains the local date `date`.
    public static func containing(_ date: CivilDate, granularity: PeriodGranularity) -> Period {
        Period(granularity: granularity, index: granularity.index(ofMonthIndex: MonthIndex.of(date)))
    }

    /// The period with `index` (counted from 1900's first period of the granularity).
    init(granularity: PeriodGranularity, index: Int) {
        self.granularity = granularity
        switch granularity {
        case .month:
            year = 1900 + index.floorDivided(by: 12)
            number = index - (year - 1900) * 12 + 1
        case .quarter:
            year = 1900 + index.floorDivided(by: 4)
            number = index - (year - 1900) * 4 + 1
        case .year:
            year = 1900 + index
            number = 1
        }
    }

    private init(granularity: PeriodGranularity, year: Int, number: Int) {
        self.granularity = granularity
        self.year = year
        self.number = number
    }

    /// The index counted from 1900's first period of the granularity (months since January 1900 …).
    var index: Int {
        switch granularity {
        case .month: (year - 1900) * 12 + number - 1
        case .quarter: (year - 1900) * 4 + number - 1
        case .year: year - 1900
        }
    }

    /// The first month index (months since January 1900) of the period.
    var firstMonthIndex: Int { (year - 1900) * 12 + (granularity == .quarter ? (number - 1) * 3 : number - 1) }

    /// The first local day of the period.
    public var firstDay: CivilDate { CivilDate(daysSinceEpoch: firstDayNumber) }

    /// The last local day of the period.
    public var lastDay: CivilDate { CivilDate(daysSinceEpoch: lastDayNumber) }

    /// The first day as days since 1970-01-01.
    var firstDayNumber: Int { MonthIndex.firstDay(ofMonthIndex: firstMonthIndex) }

    /// The last day as days since 1970-01-01.
    var lastDayNumber: Int { MonthIndex.firstDay(ofMonthIndex: firstMonthIndex + granularity.months) - 1 }

    /// The period after this one.
    public var next: Period { Period(granularity: granularity, index: index + 1) }

    /// The periods from `first` through `last` (same granularity), oldest first; empty when `last` is earlier.
    public static func range(from first: Period, through last: Period) -> [Period] {
        precondition(first.granularity == last.granularity, "a range needs one granularity")
        guard first.index <= last.index else { return [] }
        return (first.index...last.index).map { Period(granularity: first.granularity, index: $0) }
    }

    /// `2025-03`, `2025-Q1` or `2025`.
    public var description: String {
        switch granularity {
        case .month: "\(year)-\(number < 10 ? "0" : "")\(number)"
        case .quarter: "\(year)-Q\(number)"
        case .year: "\(year)"
        }
    }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.granularity.months, lhs.index) < (rhs.granularity.months, rhs.index)
    }
}
