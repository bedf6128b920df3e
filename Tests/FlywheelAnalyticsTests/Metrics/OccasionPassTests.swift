@testable import FlywheelAnalytics
import FlywheelCore
import FlywheelSimulation
import Foundation
import Testing

/// The churn and gap figures of the metrics, computed over customer ranges side by side, equal one pass.
@Suite("Occasion pass: customers in parts give the figures of one pass")
struct OccasionPassTests {
    @Test("one part against two, three and seven; everyone and a segment; months and quarters", arguments: [2, 3, 7])
    func partsEqualOnePass(parts: Int) throws {
        let table = AggregateMergeTests.table()
        let engine = AnalyticsEngine(table: table)
        let snapshot = engine.snapshot(asOf: Date(timeIntervalSince1970: TimeInterval(table.latestPlacedAt)))
        let mask = try snapshot.mask(.lifecycle(.active))
        for granularity in [PeriodGranularity.month, .quarter] {
            let last = granularity.index(ofMonthIndex: MonthIndex.of(dayNumber: Int(snapshot.asOfDay)))
            let range = (last - 20)...last
            for mask in [nil, mask] {
                let one = OccasionPass(snapshot, granularity: granularity, periods: range, mask: mask, parts: 1)
                let split = OccasionPass(snapshot, granularity: granularity, periods: range, mask: mask, parts: parts)
                #expect(one.churned.reduce(0, +) > 0 && one.customersAtStart.reduce(0, +) > 0)
                #expect(one.gaps.contains { $0.total > 0 })
                #expect(split == one)
            }
        }
    }
}
