import FlywheelAnalytics
import FlywheelCore
import Foundation
import Testing

@Suite("Time between purchases: overall, per category, per product")
struct InterPurchaseTests {
    @Test("same-day orders are one occasion; per category and SKU the replenishment gaps")
    func byCategoryAndProduct() throws {
        let batch = IngestBatch(orders: [
            TestShop.order("1", "A", "2025-01-01T10:00:00Z", 100, lines: [("BEANS", "Kaffee")]),
            TestShop.order("2", "A", "2025-01-01T15:00:00Z", 100, lines: [("CUP", "Geschirr")]),
            TestShop.order("3", "A", "2025-01-11T10:00:00Z", 100, lines: [("TEA", "Tee")]),
            TestShop.order("4", "A", "2025-01-31T10:00:00Z", 100, lines: [("BEANS", "Kaffee"), ("TEA", "Tee")]),
            TestShop.order("5", "B", "2025-01-05T10:00:00Z", 100, lines: [("BEANS", "Kaffee")]),
            TestShop.order("6", "B", "2025-01-25T10:00:00Z", 100, lines: [("BEANS", "Kaffee")]),
        ])
        let report = try TestShop.engine(batch).snapshot(asOf: TestShop.instant("2025-02-01T12:00:00Z")).interPurchaseTimes()
        let overall = try #require(report.overall)
        // A: 10 and 20 days; B: 20 days.
        #expect(overall.gaps == 3 && overall.minDays == 10 && overall.medianDays == 20 && overall.maxDays == 20)
        #expect(abs(overall.meanDays - 50.0 / 3) < 1e-9)
        #expect(report.byCategory.map(\.name) == ["Kaffee", "Tee"])
        #expect(report.byCategory[0].stats.gaps == 2 && report.byCategory[0].stats.medianDays == 25)  // 30 and 20
        #expect(report.byCategory[1].stats.gaps == 1 && report.byCategory[1].stats.medianDays == 20)
        #expect(report.byProduct.map(\.name) == ["BEANS", "TEA"])
    }

    @Test("quantiles interpolate between ranks (type 7)")
    func quantiles() throws {
        var orders: [Order] = []
        for (customer, gap) in [1, 2, 3, 4, 10].enumerated() {
            orders.append(TestShop.order("a\(customer)", "C\(customer)", "2025-01-01T10:00:00Z", 100))
            let day = CivilDate(year: 2025, month: 1, day: 1)!.adding(days: gap)
            orders.append(TestShop.order("b\(customer)", "C\(customer)", "\(day)T10:00:00Z", 100))
        }
        let stats = try #require(
            try TestShop.engine(IngestBatch(orders: orders)).snapshot(asOf: TestShop.instant("2025-03-01T00:00:00Z"))
                .interPurchaseTimes().overall)
        #expect(stats.p25Days == 2 && stats.medianDays == 3 && stats.p75Days == 4)
        #expect(abs(stats.p90Days - 7.6) < 1e-9 && abs(stats.p95Days - 8.8) < 1e-9)
    }
}
