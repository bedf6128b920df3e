public import Foundation

/// Calendar logic in the shop's time zone: turns wall-clock times and dates into UTC instants and back.
///
/// Times are stored in UTC; a date without a time (e.g. CDNOW's purchase day) means local midnight.
public struct ShopCalendar: Sendable {
    /// The shop's zone, e.g. `Europe/Berlin`.
    public let timeZone: TimeZone

    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    /// The UTC instant of a parsed timestamp, reading zone-less times in the shop's zone.
    public func instant(of text: TimestampText) -> Date {
        switch text {
        case .date(let date):
            return instant(localDate: date, secondsOfDay: 0)
        case .dateTime(let date, let seconds, let offset?):
            return Date(timeIntervalSince1970: TimeInterval(date.daysSinceEpoch * 86_400 + seconds - offset))
        case .dateTime(let date, let seconds, nil):
            return instant(localDate: date, secondsOfDay: seconds)
        }
    }

    /// The UTC instant of a local wall-clock time; in a DST gap the time moves forward, in an overlap the
    /// earlier instant wins.
    public func instant(localDate date: CivilDate, secondsOfDay: Int) -> Date {
        let local = TimeInterval(date.daysSinceEpoch * 86_400 + secondsOfDay)
        let firstGuess = local - TimeInterval(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: local)))
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: firstGuess))
        return Date(timeIntervalSince1970: local - TimeInterval(offset))
    }

    /// The local calendar date of an instant.
    public func localDate(of instant: Date) -> CivilDate {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
        return CivilDate(daysSinceEpoch: Int((Double(seconds) / 86_400).rounded(.down)))
    }
}
