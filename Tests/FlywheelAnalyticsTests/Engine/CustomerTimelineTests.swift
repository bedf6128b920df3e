import FlywheelCore
import Foundation
import Testing

@testable import FlywheelAnalytics

@Suite("CustomerTimeline: purchases in (time, row) order, occasions by local day, up to the cutoff")
struct CustomerTimelineTests {
    /// One customer's orders, table rows 0… in this order: two at the same instant, one earlier, a
    /// cancelled one, one the next day, one after the cutoff.
    static func table() -> OrderTable {
        var table = OrderTable(currency: .eur, timeZone: TestShop.utc)
        table.add(
            IngestBatch(orders: [
                TestShop.order("o0", "c", "2025-03-02T10:00:00Z", 1_000),
                TestShop.order("o1", "c", "2025-03-02T10:00:00Z", 2_000),
                TestShop.order("o2", "c", "2025-03-02T08:00:00Z", 400),
                TestShop.order("o3", "c", "2025-03-02T09:00:00Z", 700, cancelled: true),
                TestShop.order("o4", "c", "2025-03-03T12:00:00Z", 300),
                TestShop.order("o5", "c", "2025-03-09T12:00:00Z", 5_000),
            ]))
        return table
    }

    @Test("whatever order the rows come in, the same timeline", arguments: [
        [0, 1, 2, 3, 4, 5], [5, 4, 3, 2, 1, 0], [1, 0, 2, 3, 4, 5], [2, 0, 1, 4, 3, 5], [4, 1, 5, 0, 3, 2],
        [2, 1, 0, 3, 4, 5],  // only the tie is out of order
    ] as [[Int32]])
    func anyOrder(rows: [Int32]) {
        let table = Self.table()
        let cutoff = Int64(TestShop.instant("2025-03-05T00:00:00Z").timeIntervalSince1970)
        var timeline = CustomerTimeline()
        timeline.load(rows, table: table, cutoff: cutoff)
        #expect(Array(timeline.purchases) == [2, 0, 1, 4])  // 08:00, then the two at 10:00 by row, then the next day
        #expect(Array(timeline.others) == [3])  // cancelled
        #expect(timeline.occasionCount == 2)
        #expect(Array(timeline.occasionStart) == [0, 3, 4])
        #expect(Array(timeline.occasionNet) == [3_400, 300])
        #expect(timeline.occasionDay[1] - timeline.occasionDay[0] == 1)
    }

    @Test("reused for another customer's rows, nothing of the last one is left")
    func reused() {
        let table = Self.table()
        var timeline = CustomerTimeline()
        timeline.load([0, 1, 2, 3, 4, 5] as [Int32], table: table, cutoff: Int64.max)
        #expect(timeline.occasionCount == 3)
        timeline.load([5] as [Int32], table: table, cutoff: Int64.max)
        #expect(Array(timeline.purchases) == [5])
        #expect(timeline.others.isEmpty)
        #expect(Array(timeline.occasionStart) == [0, 1])
        #expect(Array(timeline.occasionNet) == [5_000])
    }

    @Test("a customer with more rows than any before: the columns grow, and hold every row")
    func grows() {
        let table = Self.table()
        var timeline = CustomerTimeline()
        timeline.load([5] as [Int32], table: table, cutoff: Int64.max)
        // The same six rows forty times over (a long history): every purchase row is kept, in order.
        let many = (0..<40).flatMap { _ in [0, 1, 2, 3, 4, 5] as [Int32] }
        timeline.load(many, table: table, cutoff: Int64.max)
        #expect(timeline.purchases.count == 200)
        #expect(timeline.others.count == 40)
        #expect(timeline.occasionCount == 3)
        #expect(timeline.occasionStart.last == 200)
        timeline.load([5] as [Int32], table: table, cutoff: Int64.max)
        #expect(Array(timeline.purchases) == [5])
    }
}
