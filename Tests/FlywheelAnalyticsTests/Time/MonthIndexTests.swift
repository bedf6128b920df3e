import FlywheelCore
import Testing

@testable import FlywheelAnalytics

@Suite("MonthIndex: months counted from January 1900")
struct MonthIndexTests {
    @Test("the table's month of every day from 1899 through 2200 is the civil calendar's")
    func tableEqualsArithmetic() {
        let first = CivilDate.daysSinceEpoch(year: 1899, month: 12, day: 1)
        let last = CivilDate.daysSinceEpoch(year: 2200, month: 1, day: 31)
        var mismatches = 0
        for day in first...last where MonthIndex.of(dayNumber: day) != MonthIndex.computed(dayNumber: day) {
            mismatches += 1
        }
        #expect(mismatches == 0)
    }

    @Test("known days, and days beyond the table")
    func knownDays() {
        #expect(MonthIndex.of(dayNumber: 0) == 70 * 12)  // 1970-01-01
        #expect(MonthIndex.of(dayNumber: CivilDate.daysSinceEpoch(year: 2024, month: 2, day: 29)) == 124 * 12 + 1)
        #expect(MonthIndex.of(dayNumber: CivilDate.daysSinceEpoch(year: 1900, month: 1, day: 1)) == 0)
        #expect(MonthIndex.of(dayNumber: CivilDate.daysSinceEpoch(year: 1899, month: 12, day: 31)) == -1)
        #expect(MonthIndex.of(dayNumber: CivilDate.daysSinceEpoch(year: 2199, month: 12, day: 31)) == 300 * 12 - 1)
        #expect(MonthIndex.of(dayNumber: CivilDate.daysSinceEpoch(year: 2200, month: 1, day: 1)) == 300 * 12)
    }
}
