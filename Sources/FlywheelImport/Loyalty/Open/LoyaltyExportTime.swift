import FlywheelCore
import Foundation

/// Times in the open export: ISO 8601, UTC, milliseconds (`2026-11-24T04:00:00.000Z`); birthdays
/// `YYYY-MM-DD`.
enum LoyaltyExportTime {
    static func text(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let fraction = millis - seconds * 1000
        let day = CivilDate(daysSinceEpoch: Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400))
        let second = Int(seconds - Int64(day.daysSinceEpoch) * 86_400)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", day.year, day.month, day.day, second / 3600,
            second / 60 % 60, second % 60, Int(fraction))
    }

    static func date(_ text: String) -> Date? {
        guard let parsed = TimestampText.parse(text[...]),
            case .dateTime(let day, let seconds, let offset) = parsed, offset == 0, text.hasSuffix("Z")
        else { return nil }
        var millis = (Int64(day.daysSinceEpoch) * 86_400 + Int64(seconds)) * 1000
        if let dot = text.firstIndex(of: ".") {
            let digits = text[text.index(after: dot)...].prefix(while: \.isNumber)
            guard digits.count == 3, let value = Int64(digits) else { return nil }
            millis += value
        }
        return Date(timeIntervalSince1970: Double(millis) / 1000)
    }

    static func birthday(_ text: String) -> CivilDate? {
        let parts = text.split(separator: "-").map { Int($0) }
        guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2] else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }
}
