import FlywheelCore
public import Foundation

/// A nightly window in the customer's local time when non-transactional messages wait, e.g. 21:00–08:00.
public struct QuietHours: Hashable, Sendable {
    /// Local time the quiet window starts (inclusive).
    public var start: TimeOfDay
    /// Local time it ends (exclusive); before `start` when the window spans midnight.
    public var end: TimeOfDay

    public init(start: TimeOfDay, end: TimeOfDay) {
        self.start = start
        self.end = end
    }

    /// When the window containing `instant` ends in `zone`, or `nil` when `instant` is outside it.
    public func end(ofWindowContaining instant: Date, in zone: TimeZone) -> Date? {
        let calendar = ShopCalendar(timeZone: zone)
        let local = Int(instant.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: instant)
        let minute = ((local % 86_400 + 86_400) % 86_400) / 60
        let inside: Bool
        if start.minutes == end.minutes {
            inside = false
        } else if start.minutes < end.minutes {
            inside = minute >= start.minutes && minute < end.minutes
        } else {
            inside = minute >= start.minutes || minute < end.minutes
        }
        guard inside else { return nil }
        let today = calendar.localDate(of: instant)
        let endDay = minute < end.minutes ? today : today.adding(days: 1)
        return calendar.instant(localDate: endDay, secondsOfDay: end.secondsOfDay)
    }
}
