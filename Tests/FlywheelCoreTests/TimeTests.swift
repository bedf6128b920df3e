import Foundation
import Testing
import FlywheelCore

@Suite("Dates, times and the shop's calendar")
struct TimeTests {
    @Test("civil dates convert to and from days since the epoch")
    func civilDates() throws {
        #expect(try #require(CivilDate(year: 1970, month: 1, day: 1)).daysSinceEpoch == 0)
        #expect(try #require(CivilDate(year: 2000, month: 3, day: 1)).daysSinceEpoch == 11_017)
        for days in stride(from: -25_000, through: 40_000, by: 97) {
            let date = CivilDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
        }
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2024, month: 4, day: 31) == nil)
        #expect(CivilDate(year: 2024, month: 13, day: 1) == nil)
        #expect(CivilDate(iso: "2024-03-05")?.description == "2024-03-05")
    }

    @Test("the forms shop exports use are read", arguments: [
        ("19970101", TimestampText.date(CivilDate(year: 1997, month: 1, day: 1)!)),
        ("2024-03-05", .date(CivilDate(year: 2024, month: 3, day: 5)!)),
        ("2024-03-05 14:30", .dateTime(CivilDate(year: 2024, month: 3, day: 5)!, secondsOfDay: 52_200, utcOffsetSeconds: nil)),
        ("2024-03-05T14:30:00Z", .dateTime(CivilDate(year: 2024, month: 3, day: 5)!, secondsOfDay: 52_200, utcOffsetSeconds: 0)),
        ("2024-03-05 14:30:00 +0100", .dateTime(CivilDate(year: 2024, month: 3, day: 5)!, secondsOfDay: 52_200, utcOffsetSeconds: 3_600)),
        ("2024-03-05T14:30:00.250-04:00", .dateTime(CivilDate(year: 2024, month: 3, day: 5)!, secondsOfDay: 52_200, utcOffsetSeconds: -14_400)),
        ("2024-03-05 14:30:00 UTC", .dateTime(CivilDate(year: 2024, month: 3, day: 5)!, secondsOfDay: 52_200, utcOffsetSeconds: 0)),
    ])
    func timestamps(text: String, expected: TimestampText) {
        #expect(TimestampText.parse(text[...]) == expected)
    }

    @Test("nonsense is not a timestamp", arguments: ["", "2024-02-30", "05.03.2024", "2024-03-05 25:00", "2024-03-05T10:00:00+1", "2024-03-05x", "tomorrow"])
    func notTimestamps(text: String) {
        #expect(TimestampText.parse(text[...]) == nil)
    }

    @Test("zone-less times are read in the shop's zone, across daylight saving")
    func shopCalendar() throws {
        let berlin = ShopCalendar(timeZone: try #require(TimeZone(identifier: "Europe/Berlin")))
        let winter = try #require(CivilDate(year: 2024, month: 1, day: 15))
        let summer = try #require(CivilDate(year: 2024, month: 7, day: 15))
        #expect(berlin.instant(localDate: winter, secondsOfDay: 0).timeIntervalSince1970 == 1_705_273_200)  // 23:00Z the day before
        #expect(berlin.instant(localDate: summer, secondsOfDay: 0).timeIntervalSince1970 == 1_720_994_400)  // 22:00Z the day before
        #expect(berlin.localDate(of: Date(timeIntervalSince1970: 1_720_994_400)) == summer)
        // 02:30 on 31 March 2024 does not exist in Berlin; it moves on, and the local day stays right.
        let gap = try #require(CivilDate(year: 2024, month: 3, day: 31))
        #expect(berlin.localDate(of: berlin.instant(localDate: gap, secondsOfDay: 9_000)) == gap)
    }
}
