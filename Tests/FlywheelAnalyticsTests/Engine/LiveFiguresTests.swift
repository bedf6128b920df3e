import FlywheelAnalytics
import FlywheelCore
import Foundation
import Testing

/// The kept figures read without a pass show an applied order at once, and equal what a full snapshot's
/// metrics say of the same period and history.
@Suite("Live figures")
struct LiveFiguresTests {
    static let history = IngestBatch(orders: [
        TestShop.order("o1", "A", "2025-01-10T10:00:00Z", 4_000),
        TestShop.order("o2", "A", "2025-02-03T10:00:00Z", 6_000),
        TestShop.order("o3", "B", "2025-02-14T10:00:00Z", 2_500),
        TestShop.order("o4", "C", "2025-02-20T10:00:00Z", 9_900, cancelled: true),
    ])

    /// The live figures' fields against the snapshot's metrics of the same month and history.
    static func expectEqual(_ live: LiveFigures, _ engine: AnalyticsEngine) throws {
        let metrics = try engine.snapshot(asOf: live.asOf).metrics(from: live.period, through: live.period)
        let month = try #require(metrics.periods.first)
        #expect(live.customers == month.customers)
        #expect(live.newCustomers == month.newCustomers)
        #expect(live.returningCustomers == month.returningCustomers)
        #expect(live.repeatPurchaseRate == month.repeatPurchaseRate)
        #expect(live.orders == month.orders)
        #expect(live.netRevenueMinor == month.netRevenueMinor)
        #expect(live.averageOrderValueMinor == month.averageOrderValueMinor)
        #expect(live.buyers == metrics.allTime.buyers)
        #expect(live.repeatBuyers == metrics.allTime.repeatBuyers)
        #expect(live.loyalBuyers == metrics.allTime.loyalBuyers)
        #expect(live.allTimeRepeatPurchaseRate == metrics.allTime.repeatPurchaseRate)
        #expect(live.allTimeOrders == metrics.allTime.orders)
        #expect(live.allTimeNetRevenueMinor == metrics.allTime.netRevenueMinor)
        #expect(live.allTimeAverageOrderValueMinor == metrics.allTime.averageOrderValueMinor)
    }

    @Test("an applied order moves the month's and the history's figures at once")
    func appliedOrderShows() throws {
        var engine = TestShop.engine(Self.history)
        let before = engine.liveFigures(asOf: TestShop.instant("2025-02-28T12:00:00Z"))
        #expect(before.period == TestShop.month("2025-02"))
        #expect(before.customers == 2)  // A (returning) and B (new); C's order was cancelled
        #expect(before.returningCustomers == 1)
        #expect(before.orders == 2)
        #expect(before.netRevenueMinor == 8_500)
        #expect(before.buyers == 2)
        #expect(before.repeatBuyers == 1)

        // B orders again on another day: a second returning customer, a second repeat buyer.
        let now = TestShop.instant("2025-02-28T12:00:00Z")
        engine.apply(TestShop.order("o5", "B", "2025-02-27T09:00:00Z", 1_500), asOf: now)
        let after = engine.liveFigures(asOf: now)
        #expect(after.customers == 2)
        #expect(after.returningCustomers == 2)
        #expect(after.repeatPurchaseRate == 1)
        #expect(after.orders == 3)
        #expect(after.netRevenueMinor == 10_000)
        #expect(after.averageOrderValueMinor == 3_333)
        #expect(after.repeatBuyers == 2)
        #expect(after.allTimeOrders == 4)
        #expect(after.allTimeNetRevenueMinor == 14_000)
        try Self.expectEqual(after, engine)
    }

    @Test("the period is the shop's local month: just after midnight in Berlin is already March")
    func localMonth() throws {
        var engine = TestShop.engine(Self.history)
        let now = TestShop.instant("2025-02-28T23:30:00Z")  // 00:30 on 1 March in Berlin
        engine.apply(TestShop.order("o6", "D", "2025-02-28T23:15:00Z", 3_000), asOf: now)
        let live = engine.liveFigures(asOf: now)
        #expect(live.period == TestShop.month("2025-03"))
        #expect(live.customers == 1)
        #expect(live.newCustomers == 1)
        let quarter = engine.liveFigures(asOf: now, granularity: .quarter)
        #expect(quarter.period == Period.quarter(year: 2025, 1))
        #expect(quarter.customers == 3)  // A, B and D (C only cancelled)
        try Self.expectEqual(live, engine)
    }

    @Test("an empty shop has empty figures")
    func emptyShop() {
        let engine = AnalyticsEngine(currency: .eur, timeZone: TestShop.berlin)
        let live = engine.liveFigures(asOf: TestShop.instant("2025-02-28T12:00:00Z"))
        #expect(live.customers == 0)
        #expect(live.repeatPurchaseRate == nil)
        #expect(live.averageOrderValueMinor == nil)
        #expect(live.buyers == 0)
    }
}
