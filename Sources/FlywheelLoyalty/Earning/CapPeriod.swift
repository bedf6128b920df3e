public import FlywheelCore
public import Foundation

/// The calendar period an earning cap counts over, in the shop's time zone.
public enum CapPeriod: String, Hashable, Sendable, Codable {
    /// A local calendar day.
    case day
    /// A local calendar month.
    case month
    /// A local calendar year.
    case year
    /// The customer's whole life in the programme.
    case lifetime

    /// The UTC interval (start inclusive, end exclusive) of the period that contains `instant`, with
    /// boundaries at local midnight in `calendar`'s zone; `nil` for `lifetime`.
    public func interval(containing instant: Date, in calendar: ShopCalendar) -> DateInterval? {
        let date = calendar.localDate(of: instant)
        let first: CivilDate
        let next: CivilDate
        switch self {
        case .lifetime:
            return nil
        case .day:
            first = date
            next = date.adding(days: 1)
        case .month:
            first = CivilDate(daysSinceEpoch: CivilDate.daysSinceEpoch(year: date.year, month: date.month, day: 1))
            next = first.adding(days: CivilDate.daysInMonth(year: date.year, month: date.month))
        case .year:
            first = CivilDate(daysSinceEpoch: CivilDate.daysSinceEpoch(year: date.year, month: 1, day: 1))
            next = CivilDate(daysSinceEpoch: CivilDate.daysSinceEpoch(year: date.year + 1, month: 1, day: 1))
        }
        let start = calendar.instant(localDate: first, secondsOfDay: 0)
        let end = calendar.instant(localDate: next, secondsOfDay: 0)
        return DateInterval(start: start, end: end)
    }
}
