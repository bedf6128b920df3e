import FlywheelCore
import Foundation
import Testing

@Suite("DeliveryDays: the shop's usual delivery window in working days")
struct DeliveryDaysTests {
    static let berlin = ShopCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!)

    /// The instant of a local time in Berlin.
    static func berlin(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        berlin.instant(localDate: CivilDate(year: year, month: month, day: day)!, secondsOfDay: hour * 3600 + minute * 60)
    }

    static func window(_ days: String, _ placed: Date, _ calendar: ShopCalendar = berlin) -> String {
        let window = DeliveryDays(parsing: days)!.window(placedAt: placed, calendar: calendar)
        return "\(window.from)…\(window.to)"
    }

    @Test("parsing: 3, 2-4, 2–4 with spaces; nonsense, zero, reversed or more than 60 refused")
    func parsing() {
        #expect(DeliveryDays(parsing: "2-4") == DeliveryDays(earliest: 2, latest: 4))
        #expect(DeliveryDays(parsing: " 2 – 4 ") == DeliveryDays(earliest: 2, latest: 4))
        #expect(DeliveryDays(parsing: "3") == DeliveryDays(earliest: 3, latest: 3))
        #expect(DeliveryDays(parsing: "3")?.description == "3" && DeliveryDays(parsing: "2-4")?.description == "2-4")
        for bad in ["", "-", "0-2", "4-2", "1-61", "a-b", "2-4-6", "2.5"] { #expect(DeliveryDays(parsing: bad) == nil, "\(bad)") }
    }

    @Test("an order on a weekday counts from the next working day; Friday and the weekend count from Monday")
    func weekends() {
        // 2026-02-23 is a Monday.
        #expect(Self.window("2-4", Self.berlin(2026, 2, 23, 10)) == "2026-02-25…2026-02-27")  // Mon → Wed…Fri
        #expect(Self.window("2-4", Self.berlin(2026, 2, 25, 10)) == "2026-02-27…2026-03-03")  // Wed → Fri…Tue (month end)
        #expect(Self.window("2-4", Self.berlin(2026, 2, 27, 18)) == "2026-03-03…2026-03-05")  // Fri → Tue…Thu
        #expect(Self.window("2-4", Self.berlin(2026, 2, 28, 9)) == "2026-03-03…2026-03-05")  // Sat → Tue…Thu
        #expect(Self.window("2-4", Self.berlin(2026, 3, 1, 23, 30)) == "2026-03-03…2026-03-05")  // Sun late → Tue…Thu
        #expect(Self.window("1", Self.berlin(2026, 12, 31, 12)) == "2027-01-01…2027-01-01")  // year end, a Friday
        #expect(Self.window("5-10", Self.berlin(2026, 2, 23, 10)) == "2026-03-02…2026-03-09")  // across two weekends
    }

    @Test("the order's day is its day in the shop's time zone, not in UTC")
    func timeZone() {
        // Friday 23:30 in Berlin is still Friday there, but Saturday in Tokyo and Friday 22:30 in UTC.
        let placed = Self.berlin(2026, 2, 27, 23, 30)
        #expect(Self.window("2-4", placed) == "2026-03-03…2026-03-05")
        // Monday 00:30 in Berlin is Sunday 23:30 in UTC: Berlin counts from Tuesday, UTC from Monday.
        let monday = Self.berlin(2026, 3, 2, 0, 30)
        #expect(Self.window("1", monday) == "2026-03-03…2026-03-03")
        #expect(Self.window("1", monday, ShopCalendar(timeZone: TimeZone(identifier: "UTC")!)) == "2026-03-02…2026-03-02")
    }
}
