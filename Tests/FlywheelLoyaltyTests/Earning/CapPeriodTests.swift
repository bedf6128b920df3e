import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

@Suite("CapPeriod: period boundaries at local midnight in the shop's zone")
struct CapPeriodTests {
    typealias S = EarningTestSupport

    @Test("31 March 23:30 UTC is already April in Berlin: the month runs 31 Mar 22:00Z to 30 Apr 22:00Z")
    func monthInBerlin() {
        let interval = CapPeriod.month.interval(containing: S.utcInstant(2026, 3, 31, 23, 30), in: S.berlin)
        #expect(interval?.start == S.utcInstant(2026, 3, 31, 22, 0))
        #expect(interval?.end == S.utcInstant(2026, 4, 30, 22, 0))
    }

    @Test("day and year in Berlin, lifetime has no interval")
    func dayYearLifetime() {
        let instant = S.utcInstant(2026, 1, 15, 10, 0)
        let day = CapPeriod.day.interval(containing: instant, in: S.berlin)
        #expect(day?.start == S.utcInstant(2026, 1, 14, 23, 0))
        #expect(day?.end == S.utcInstant(2026, 1, 15, 23, 0))
        let year = CapPeriod.year.interval(containing: instant, in: S.berlin)
        #expect(year?.start == S.utcInstant(2025, 12, 31, 23, 0))
        #expect(year?.end == S.utcInstant(2026, 12, 31, 23, 0))
        #expect(CapPeriod.lifetime.interval(containing: instant, in: S.berlin) == nil)
    }
}
