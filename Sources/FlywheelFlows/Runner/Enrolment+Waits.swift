import FlywheelCore
import Foundation

/// The due time of a wait step, or the date it needs but lacks.
enum WaitTarget {
    case at(Date)
    case missing(DateField)
}

extension Enrolment {
    func dueTime(
        of spec: WaitSpec, stepIndex: Int, program: FlowProgram, now: Date, facts: CustomerFacts, policy: ContactPolicy
    ) -> WaitTarget {
        func zone(_ choice: ZoneChoice) -> TimeZone {
            choice == .customer ? (facts.timeZone ?? policy.shopTimeZone) : policy.shopTimeZone
        }
        switch spec {
        case .duration(let duration):
            return .at(now.addingTimeInterval(TimeInterval(duration.seconds)))
        case .untilTime(let time, let choice):
            let calendar = ShopCalendar(timeZone: zone(choice))
            let today = calendar.localDate(of: now)
            let candidate = calendar.instant(localDate: today, secondsOfDay: time.secondsOfDay)
            return .at(
                candidate > now
                    ? candidate : calendar.instant(localDate: today.adding(days: 1), secondsOfDay: time.secondsOfDay))
        case .untilEvent(let wait):
            return .at(now.addingTimeInterval(TimeInterval(wait.timeout.seconds)))
        case .untilDate(let wait):
            let calendar = ShopCalendar(timeZone: zone(wait.zone))
            let base: Date?
            switch wait.field {
            case .expectedDelivery: base = facts.expectedDeliveryAt
            case .pointsExpiry: base = facts.pointsExpireAt
            case .lastOrder: base = facts.lastOrderAt
            case .birthday:
                base = facts.birthday.map { nextOccurrence(of: $0, after: now, calendar: calendar) }
            case .firstOrderAnniversary:
                base = facts.firstOrderAt.map {
                    nextOccurrence(of: calendar.localDate(of: $0), after: now, calendar: calendar)
                }
            }
            guard let base else { return .missing(wait.field) }
            var target = base.addingTimeInterval(TimeInterval(wait.offset.seconds))
            if let at = wait.at {
                target = calendar.instant(localDate: calendar.localDate(of: target), secondsOfDay: at.secondsOfDay)
            }
            return .at(target)
        }
    }

    /// Local midnight of the next yearly occurrence of `date` (today counts); 29 February falls on
    /// 28 February in other years.
    private func nextOccurrence(of date: CivilDate, after now: Date, calendar: ShopCalendar) -> Date {
        let today = calendar.localDate(of: now)
        func occurrence(in year: Int) -> CivilDate {
            CivilDate(year: year, month: date.month, day: date.day)
                ?? CivilDate(year: year, month: date.month, day: CivilDate.daysInMonth(year: year, month: date.month))!
        }
        var day = occurrence(in: today.year)
        if day < today { day = occurrence(in: today.year + 1) }
        return calendar.instant(localDate: day, secondsOfDay: 0)
    }
}
