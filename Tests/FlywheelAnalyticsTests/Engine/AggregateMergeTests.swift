@testable import FlywheelAnalytics
import FlywheelCore
import FlywheelSimulation
import Foundation
import Testing

/// The engine's pass over the customers split into ranges built side by side and merged gives exactly the
/// figures of one pass.
@Suite("Aggregate merge: figures built in parts equal one pass")
struct AggregateMergeTests {
    static let simulator = ShopSimulator(config: SimulationConfig(customers: 500, seed: 31))

    static func table() -> OrderTable {
        var table = OrderTable(settings: simulator.settings)
        for batch in simulator.batches(customersPerBatch: 125) { table.add(batch) }
        return table
    }

    @Test("one pass, two, three and seven parts; everyone, an earlier cutoff and a subset", arguments: [2, 3, 7])
    func partsEqualOnePass(parts: Int) {
        let table = Self.table()
        let index = CustomerOrderIndex(table)
        let everyOther = (0..<table.customers.count).map { $0 % 3 != 1 }
        let earlier = table.latestPlacedAt - 200 * 86_400
        for (cutoff, include) in [(Int64.max, nil), (earlier, nil), (Int64.max, everyOther)] as [(Int64, [Bool]?)] {
            let one = AggregateSet.build(
                table: table, index: index, cutoff: cutoff, include: include, loyalPurchases: 3, parts: 1)
            let split = AggregateSet.build(
                table: table, index: index, cutoff: cutoff, include: include, loyalPurchases: 3, parts: parts)
            #expect(one.lifetime.buyers > 100)
            #expect(split == one)
            // What == does not compare: the ranges the series hold and the RFM values' order.
            #expect(split.month.cells.base == one.month.cells.base)
            #expect(split.month.cells.cells.count == one.month.cells.cells.count)
            #expect(split.rfm.monetary == one.rfm.monetary)
            #expect(split.gaps.counts.count == one.gaps.counts.count)
        }
        // The engine (two parts for large shops) reports what the one-pass figures give.
        #expect(AnalyticsEngine(table: table).kept == AggregateSet.build(
            table: table, index: index, cutoff: .max, include: nil, loyalPurchases: AnalyticsOptions().loyalPurchases,
            parts: 1))
    }

    @Test("parts are consecutive ranges of about equal rows plus customers, covering every customer once")
    func partsBalancedByRows() {
        let table = Self.table()
        let index = CustomerOrderIndex(table)
        let count = table.customers.count
        for parts in [1, 2, 3, 7] {
            let bounds = index.partBounds(parts: parts)
            #expect(bounds.count == parts + 1 && bounds.first == 0 && bounds.last == count)
            #expect(zip(bounds, bounds.dropFirst()).allSatisfy { $0 <= $1 })
            // Each bound is the first customer at which rows + customers before it reach the part's share.
            let total = index.rows.count + count
            for part in 1..<parts {
                let c = bounds[part]
                let target = total * part / parts
                #expect(Int(index.start[c]) + c >= target)
                #expect(c == 0 || Int(index.start[c - 1]) + c - 1 < target)
            }
        }
        // Customers of very different sizes: the first half of the customers holds most rows, so the split
        // falls well before the middle customer.
        var skewed = OrderTable(settings: Self.simulator.settings)
        var batch = IngestBatch()
        for c in 0..<40 {
            for k in 0..<(c < 20 ? 9 : 1) {
                batch.orders.append(
                    TestShop.order(
                        "s\(c)-\(k)", "sc\(c)", "2025-01-\(10 + k)T10:00:00Z", 1_000,
                        currency: Self.simulator.settings.currency))
            }
        }
        skewed.add(batch)
        let skewedIndex = CustomerOrderIndex(skewed)
        let halves = skewedIndex.partBounds(parts: 2)
        #expect(halves == [0, 12, 40])  // 10 × 12 = 120 = half of 200 rows + 40 customers
    }

    @Test("every additive cell is Int64 counters only, so cells add as rows of Int64s")
    func cellsAreInt64Counters() {
        func check<Cell: AdditiveCell>(_ cell: Cell) {
            let children = Mirror(reflecting: cell).children
            #expect(children.allSatisfy { $0.value is Int64 }, "\(Cell.self)")
            #expect(MemoryLayout<Cell>.size == 8 * children.count, "\(Cell.self)")
        }
        check(PeriodCell.zero)
        check(AcquisitionCell.zero)
        check(LifetimeCell.zero)
        check(CohortFigures.zero)
        check(RFMDistribution.Count.zero)
        var a = PeriodCell()
        a.orders = 3
        a.acquiredDiscounted = 5
        var b = PeriodCell()
        b.orders = 4
        b.netRevenue = -7
        let sum = PeriodCell.sum(a, b)
        #expect(sum.orders == 7 && sum.netRevenue == -7 && sum.acquiredDiscounted == 5 && sum.occasions == 0)
    }
}
