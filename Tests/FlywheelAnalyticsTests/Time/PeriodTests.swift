import FlywheelAnalytics
import FlywheelCore
import Foundation
import Testing

@Suite("Periods: months, quarters and years of the shop's calendar")
struct PeriodTests {
    @Test("labels, first and last days")
    func bounds() throws {
        let february = Period.month(YearMonth(year: 2024, month: 2)!)
        #expect(february.description == "2024-02" && february.lastDay == CivilDate(year: 2024, month: 2, day: 29))
        let quarter = try #require(Period.quarter(year: 2025, 4))
        #expect(quarter.description == "2025-Q4" && quarter.firstDay == CivilDate(year: 2025, month: 10, day: 1))
        #expect(quarter.lastDay == CivilDate(year: 2025, month: 12, day: 31) && quarter.next.description == "2026-Q1")
        let year = try #require(Period.year(2025))
        #expect(year.firstDay == CivilDate(year: 2025, month: 1, day: 1) && year.lastDay == CivilDate(year: 2025, month: 12, day: 31))
        #expect(Period.quarter(year: 2025, 5) == nil && Period.year(1899) == nil)
    }

    @Test("containing a date, ranges, order, JSON")
    func containing() throws {
        let date = CivilDate(year: 2025, month: 8, day: 15)!
        #expect(Period.containing(date, granularity: .quarter).description == "2025-Q3")
        #expect(Period.containing(date, granularity: .year).description == "2025")
        let range = Period.range(from: .month(YearMonth("2024-11")!), through: .month(YearMonth("2025-02")!))
        #expect(range.map(\.description) == ["2024-11", "2024-12", "2025-01", "2025-02"])
        #expect(Period.range(from: range[2], through: range[0]).isEmpty)
        #expect(range[0] < range[1])
        let json = try JSONEncoder().encode(range[1])
        #expect(try JSONDecoder().decode(Period.self, from: json) == range[1])
    }
}
