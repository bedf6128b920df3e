import FlywheelAnalytics
import FlywheelCore
import Foundation
import Testing

@Suite("The lapse window is learned from the shop's own gaps")
struct LapseWindowTests {
    /// `n` customers, customer k (1…n) buying twice, `gap(k)` days apart.
    private func engine(customers n: Int, gap: (Int) -> Int, options: AnalyticsOptions = AnalyticsOptions()) -> AnalyticsEngine {
        var orders: [Order] = []
        let start = CivilDate(year: 2025, month: 1, day: 1)!
        for k in 1...n {
            orders.append(TestShop.order("a\(k)", "C\(k)", "\(start)T10:00:00Z", 1_000))
            orders.append(TestShop.order("b\(k)", "C\(k)", "\(start.adding(days: gap(k)))T10:00:00Z", 1_000))
        }
        return TestShop.engine(IngestBatch(orders: orders), options: options)
    }

    @Test("gaps 1…40 days: lapsing after the 75th percentile (30.25 → 31 days), lost after the 90th (36.1 → 37)")
    func learned() {
        let window = engine(customers: 40) { $0 }.lapseWindow
        #expect(window == LapseWindow(activeDays: 31, lostDays: 37, learned: true, gaps: 40))
    }

    @Test("a long-cycle shop learns long windows: gaps of 90…129 days")
    func longCycle() {
        let window = engine(customers: 40) { 89 + $0 }.lapseWindow
        #expect(window.activeDays == 120 && window.lostDays == 126 && window.learned)
    }

    @Test("with fewer gaps than the minimum the fallback windows apply")
    func fallback() {
        let window = engine(customers: 29) { $0 }.lapseWindow
        #expect(window == LapseWindow(activeDays: 60, lostDays: 90, learned: false, gaps: 29))
    }

    @Test("the quantiles and minimum are configurable")
    func configurable() {
        let rule = LapseRule(activeQuantile: 0.5, lostQuantile: 1, minimumGaps: 10)
        let window = engine(customers: 20, gap: { $0 }, options: AnalyticsOptions(lapse: rule)).lapseWindow
        #expect(window == LapseWindow(activeDays: 11, lostDays: 20, learned: true, gaps: 20))
    }

    @Test("several orders on one day make no gap")
    func sameDay() {
        let batch = IngestBatch(orders: [
            TestShop.order("1", "A", "2025-01-01T08:00:00Z", 100), TestShop.order("2", "A", "2025-01-01T20:00:00Z", 100),
        ])
        #expect(TestShop.engine(batch).lapseWindow.gaps == 0)
    }
}
