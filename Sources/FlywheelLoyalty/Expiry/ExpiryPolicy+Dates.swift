public import FlywheelCore
public import Foundation

extension ExpiryPolicy {
    /// When a lot earned at `earnedAt` expires under a `lotAge` rule: at the start (local midnight) of the
    /// same day `months` later (the day clamped to the month's length), or with `roundToMonthEnd` at the end
    /// of that month (the start of the next). Expiry bites only one full period after it was switched on: the
    /// date is never before the one computed from `switchedOn`. `nil` for the other rules.
    public func lotExpiry(earnedAt: Date, switchedOn: Date?, calendar: ShopCalendar) -> Date? {
        guard case .lotAge(let months, let round) = rule else { return nil }
        let own = Self.date(months: months, after: earnedAt, roundToMonthEnd: round, calendar: calendar)
        guard let switchedOn else { return own }
        return max(own, Self.date(months: months, after: switchedOn, roundToMonthEnd: round, calendar: calendar))
    }

    /// When a customer last active at `lastActivity` loses the whole balance under an `inactivity` rule:
    /// `months` later, and never before `months` after the switch. `nil` for the other rules.
    public func inactivityDeadline(lastActivity: Date, switchedOn: Date?, calendar: ShopCalendar) -> Date? {
        guard case .inactivity(let months) = rule else { return nil }
        let own = Self.date(months: months, after: lastActivity, roundToMonthEnd: false, calendar: calendar)
        guard let switchedOn else { return own }
        return max(own, Self.date(months: months, after: switchedOn, roundToMonthEnd: false, calendar: calendar))
    }

    /// Local midnight `months` months after `instant`'s local date, or the start of the following month.
    static func date(months: Int, after instant: Date, roundToMonthEnd: Bool, calendar: ShopCalendar) -> Date {
        let local = calendar.localDate(of: instant)
        let total = local.year * 12 + (local.month - 1) + months
        let year = total / 12
        let month = total % 12 + 1
        let day: Int
        if roundToMonthEnd {
            day =
                CivilDate.daysSinceEpoch(year: year, month: month, day: 1)
                + CivilDate.daysInMonth(year: year, month: month)
        } else {
            day = CivilDate.daysSinceEpoch(
                year: year, month: month, day: min(local.day, CivilDate.daysInMonth(year: year, month: month)))
        }
        return calendar.instant(localDate: CivilDate(daysSinceEpoch: day), secondsOfDay: 0)
    }
}
