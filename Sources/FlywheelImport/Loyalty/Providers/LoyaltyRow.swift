import FlywheelCore
import Foundation

/// Typed values out of one row of a loyalty export; every problem becomes a `LoyaltyImportProblem` naming the
/// file, the line, the column and the reason.
struct LoyaltyRow {
    let record: Record
    let file: String
    let calendar: ShopCalendar

    var line: Int { record.line }

    func problem(_ column: LoyaltyColumn?, _ reason: String) -> LoyaltyImportProblem {
        LoyaltyImportProblem(file: file, line: record.line, column: column?.name ?? "-", reason: reason)
    }

    /// The trimmed text, `nil` when the column is absent or blank.
    func text(_ column: LoyaltyColumn?) throws(LoyaltyImportProblem) -> String? {
        guard let column, column.index < record.count else { return nil }
        guard let value = record.string(column.index) else {
            throw problem(column, "is not valid UTF-8 (convert the file to UTF-8, e.g. iconv -f latin1 -t utf-8)")
        }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A whole number of points (`-120`, `+40`, `1200`, `1200.0`); `nil` when blank.
    func points(_ column: LoyaltyColumn?) throws(LoyaltyImportProblem) -> Int64? {
        guard var text = try text(column) else { return nil }
        if text.hasSuffix(".0") || text.hasSuffix(".00") { text = String(text.prefix(while: { $0 != "." })) }
        if text.hasPrefix("+") { text.removeFirst() }
        guard let value = Int64(text), abs(value) <= 1_000_000_000_000 else {
            throw problem(column, "is not a whole number of points (write 1200, not 1,200 or 12.5)")
        }
        return value
    }

    /// An instant: ISO 8601 forms (`2024-03-05`, `2024-03-05 14:30:00`, `2024-03-05T13:30:00.123Z`, with an
    /// offset) or US `MM/DD/YYYY` (Yotpo); dates and zone-less times are in the shop's zone.
    func instant(_ column: LoyaltyColumn?) throws(LoyaltyImportProblem) -> Date? {
        guard let text = try text(column) else { return nil }
        if let parsed = TimestampText.parse(text[...]) {
            var date = calendar.instant(of: parsed)
            date.addTimeInterval(Self.fraction(of: text))
            return date
        }
        if let day = Self.usDate(text), let civil = day.year.flatMap({ CivilDate(year: $0, month: day.month, day: day.day) }) {
            return calendar.instant(localDate: civil, secondsOfDay: 0)
        }
        throw problem(column, "is not a date or date-time (use YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS±HH:MM or MM/DD/YYYY)")
    }

    /// A birthday: `YYYY-MM-DD` (Smile's year 1004 means no year), `MM/DD/YYYY` or `MM/DD` (Yotpo). Without
    /// a year it is kept with the year 1904 (a leap year, so 29 February is kept).
    func birthday(_ column: LoyaltyColumn?) throws(LoyaltyImportProblem) -> CivilDate? {
        guard let text = try text(column) else { return nil }
        let iso = text.prefix(10).split(separator: "-").map { Int($0) }
        if iso.count == 3, let year = iso[0], let month = iso[1], let day = iso[2] {
            let kept = year < 1900 ? 1904 : year
            if let date = CivilDate(year: kept, month: month, day: day) { return date }
        } else if let us = Self.usDate(text), let date = CivilDate(year: us.year ?? 1904, month: us.month, day: us.day) {
            return date
        }
        throw problem(column, "is not a birthday (use YYYY-MM-DD, MM/DD/YYYY or MM/DD)")
    }

    /// Yes or no: `true/false`, `yes/no`, `1/0`, `y/n`, and the programme states the exports use
    /// (`member`, `enrolled`, `opted in`, `active` are yes; `candidate`, `guest`, `blocked`, `disabled`,
    /// `opted out`, `inactive` are no).
    func flag(_ column: LoyaltyColumn?) throws(LoyaltyImportProblem) -> Bool? {
        guard let text = try text(column)?.lowercased() else { return nil }
        switch text {
        case "true", "yes", "y", "1", "member", "enrolled", "opted in", "opted_in", "active", "subscribed": return true
        case "false", "no", "n", "0", "candidate", "guest", "blocked", "disabled", "opted out", "opted_out",
            "inactive", "unsubscribed":
            return false
        default: throw problem(column, "is not yes or no (true/false, yes/no, 1/0, member/candidate, enrolled/guest)")
        }
    }

    /// The seconds' fraction of an ISO 8601 time (`…:05.123Z`), which `TimestampText` leaves out.
    private static func fraction(of text: String) -> TimeInterval {
        guard let dot = text.firstIndex(of: "."), text.distance(from: text.startIndex, to: dot) >= 19 else { return 0 }
        let digits = text[text.index(after: dot)...].prefix(while: \.isNumber).prefix(3)
        guard !digits.isEmpty, let value = Int(digits) else { return 0 }
        return Double(value) / pow(10, Double(digits.count))
    }

    private static func usDate(_ text: String) -> (month: Int, day: Int, year: Int?)? {
        let parts = text.split(separator: " ").first?.split(separator: "/").map { Int($0) } ?? []
        guard parts.count == 2 || parts.count == 3, let month = parts[0], let day = parts[1] else { return nil }
        if parts.count == 3 {
            guard let year = parts[2] else { return nil }
            return (month, day, year)
        }
        return (month, day, nil)
    }
}
