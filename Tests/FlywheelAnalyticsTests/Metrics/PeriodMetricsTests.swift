import FlywheelAnalytics
import FlywheelCore
import Foundation
import Testing

/// Every figure of the hand-computed shop (`HandShop`), month by month, as of 30 June 2025.
@Suite("Period metrics on a hand-computed shop")
struct PeriodMetricsTests {
    let snapshot = TestShop.engine(HandShop.batch, options: AnalyticsOptions(marginBasisPoints: 3_000))
        .snapshot(asOf: TestShop.instant("2025-06-30T12:00:00Z"))

    private func report() throws -> MetricsReport {
        try snapshot.metrics(from: TestShop.month("2025-01"), through: TestShop.month("2025-06"))
    }

    @Test("January: two orders on one day are one occasion of one new customer")
    func january() throws {
        let january = try report().periods[0]
        #expect(january.period == TestShop.month("2025-01"))
        #expect(january.firstDay == "2025-01-01" && january.lastDay == "2025-01-31" && january.complete)
        #expect(january.customers == 1 && january.newCustomers == 1 && january.returningCustomers == 0)
        #expect(january.repeatPurchaseRate == 0)
        #expect(january.orders == 2 && january.purchaseOccasions == 1 && january.repeatOrders == 0)
        #expect(january.purchaseFrequency == 1 && january.ordersPerCustomer == 2)
        #expect(january.netRevenueMinor == 15_000 && january.averageOrderValueMinor == 7_500)
    }

    @Test("February: B's order at 23:30 UTC on 31 January counts here; a partial refund nets; a cancellation is not a purchase")
    func february() throws {
        let february = try report().periods[1]
        #expect(february.customers == 3 && february.newCustomers == 2 && february.returningCustomers == 1)
        #expect(february.repeatPurchaseRate == 1.0 / 3)
        #expect(february.orders == 3 && february.purchaseOccasions == 3 && february.repeatOrders == 1)
        #expect(february.cancelledOrders == 1 && february.fullyRefundedOrders == 0)
        #expect(february.grossRevenueMinor == 15_000 && february.refundedMinor == 3_000)
        #expect(february.netRevenueMinor == 12_000 && february.repeatNetRevenueMinor == 5_000)
        #expect(february.averageOrderValueMinor == 4_000)
        #expect(february.discountAcquired == 1)
        #expect(february.crossCategoryRate == 1 && february.upsellRate == 0)
    }

    @Test("March: an order refunded in full is no purchase, its refund still shows")
    func march() throws {
        let march = try report().periods[2]
        #expect(march.customers == 0 && march.orders == 0 && march.averageOrderValueMinor == nil)
        #expect(march.fullyRefundedOrders == 1 && march.refundedMinor == 6_000)
        #expect(march.repeatPurchaseRate == nil)
    }

    @Test("historical LTV of each month's new customers: exact sum and AOV × orders × 30 % margin")
    func ltv() throws {
        let periods = try report().periods
        let january = try #require(periods[0].acquiredLTV)
        #expect(january.customers == 1 && january.exactMinor == 20_000 && january.formulaMinor == 6_000)
        #expect(january.averageOrderValueMinor == 6_667 && january.ordersPerCustomer == 3)
        let february = try #require(periods[1].acquiredLTV)
        #expect(february.customers == 2 && february.exactMinor == 3_500 && february.formulaMinor == 1_050)
        #expect(periods[2].acquiredLTV == nil)
    }

    @Test("CAC per channel = spend ÷ customers whose first purchase came through it; LTV:CAC")
    func cac() throws {
        let periods = try report().periods
        let january = periods[0].acquisition
        let google = try #require(january.channels.first { $0.channel == "google_ads" })
        #expect(google.spendMinor == 30_000 && google.newCustomers == 1 && google.cacMinor == 30_000)
        #expect(google.ltvMinor == 6_000 && google.ltvToCAC == 0.2)
        #expect(january.channels.count == 1 && january.blendedCACMinor == 30_000)
        let february = periods[1].acquisition
        #expect(february.channels.map(\.channel) == ["meta_ads", "newsletter", nil])
        #expect(february.channels[0].cacMinor == 10_000 && february.channels[0].ltvMinor == 1_200)
        #expect(february.channels[1].newCustomers == 0 && february.channels[1].cacMinor == nil)
        #expect(february.channels[2].newCustomers == 1 && february.channels[2].cacMinor == nil)
        #expect(february.spendMinor == 15_000 && february.newCustomers == 2 && february.blendedCACMinor == 7_500)
    }

    @Test("churn against the fallback windows (60/90 days: one gap is too few to learn from)")
    func churn() throws {
        let report = try report()
        #expect(report.lapseWindow == LapseWindow(activeDays: 60, lostDays: 90, learned: false, gaps: 1))
        let churn = report.periods.map(\.churn)
        #expect(churn[0] == ChurnFigures(customersAtStart: 0, churned: 0, rate: nil))
        #expect(churn[1] == ChurnFigures(customersAtStart: 1, churned: 0, rate: 0))
        #expect(churn[2] == ChurnFigures(customersAtStart: 3, churned: 0, rate: 0))
        #expect(churn[3] == ChurnFigures(customersAtStart: 3, churned: 0, rate: 0))
        #expect(churn[4] == ChurnFigures(customersAtStart: 3, churned: 3, rate: 1))
        #expect(churn[5] == ChurnFigures(customersAtStart: 0, churned: 0, rate: nil))
    }

    @Test("a period that has not started has no churn; one that has not ended is not complete")
    func unfinished() throws {
        let early = TestShop.engine(HandShop.batch).snapshot(asOf: TestShop.instant("2025-02-10T12:00:00Z"))
        let report = try early.metrics(from: TestShop.month("2025-02"), through: TestShop.month("2025-03"))
        #expect(!report.periods[0].complete && report.periods[0].churn != nil)
        #expect(report.periods[1].churn == nil)
        // As of 10 February, A's February order (the 15th) and the refund-free rest are not there yet.
        #expect(report.periods[0].orders == 2 && report.periods[0].returningCustomers == 0)
    }

    @Test("inter-purchase times of the period: the gaps that ended in it")
    func gaps() throws {
        let periods = try report().periods
        #expect(periods[0].interPurchase == nil)
        let february = try #require(periods[1].interPurchase)
        #expect(february.gaps == 1 && february.medianDays == 36 && february.minDays == 36 && february.maxDays == 36)
    }

    @Test("quarters and years in the shop's time zone")
    func quarterAndYear() throws {
        let quarter = try snapshot.metrics(for: try #require(Period.quarter(year: 2025, 1)))
        #expect(quarter.customers == 3 && quarter.newCustomers == 3 && quarter.returningCustomers == 1)
        #expect(quarter.orders == 5 && quarter.purchaseOccasions == 4 && quarter.netRevenueMinor == 27_000)
        #expect(quarter.cancelledOrders == 1 && quarter.fullyRefundedOrders == 1 && quarter.refundedMinor == 9_000)
        #expect(quarter.acquisition.spendMinor == 45_000 && quarter.acquisition.blendedCACMinor == 15_000)
        let year = try snapshot.metrics(for: try #require(Period.year(2025)))
        #expect(year.customers == 3 && year.netRevenueMinor == 27_000 && year.period.description == "2025")
        let lastQuarter = try snapshot.metrics(for: try #require(Period.quarter(year: 2024, 4)))
        #expect(lastQuarter.customers == 0 && lastQuarter.orders == 0)
    }

    @Test("all time: buyers, repeat buyers, revenue, LTV, discount-acquired")
    func allTime() throws {
        let all = try report().allTime
        #expect(all.customers == 4 && all.buyers == 3 && all.repeatBuyers == 1 && all.loyalBuyers == 0)
        #expect(all.repeatPurchaseRate == 1.0 / 3)
        #expect(all.orders == 5 && all.purchaseOccasions == 4 && all.cancelledOrders == 1 && all.fullyRefundedOrders == 1)
        #expect(all.grossRevenueMinor == 30_000 && all.netRevenueMinor == 27_000 && all.refundedMinor == 9_000)
        #expect(all.averageOrderValueMinor == 5_400)
        #expect(all.ltv?.exactMinor == 9_000 && all.ltv?.formulaMinor == 2_700)
        #expect(all.discountAcquired == 1 && all.interPurchase?.gaps == 1)
        #expect(all.crossCategoryRate == 1 && all.upsellRate == 0)
        #expect(all.acquisition.spendMinor == 45_000 && all.acquisition.newCustomers == 3)
    }

    @Test("the report says what was left out")
    func excluded() throws {
        let excluded = try report().excluded
        #expect(excluded.ordersInOtherCurrencies == 1 && excluded.guestOrders == 1)
    }

    @Test("an empty shop has zeros and no rates")
    func emptyShop() throws {
        let snapshot = TestShop.engine(IngestBatch()).snapshot(asOf: TestShop.instant("2025-06-30T12:00:00Z"))
        let report = try snapshot.metrics(from: TestShop.month("2025-01"), through: TestShop.month("2025-02"))
        #expect(report.periods.count == 2)
        let january = report.periods[0]
        #expect(january.customers == 0 && january.orders == 0 && january.repeatPurchaseRate == nil)
        #expect(january.averageOrderValueMinor == nil && january.acquiredLTV == nil && january.churn?.rate == nil)
        #expect(report.allTime.buyers == 0 && report.allTime.ltv == nil && report.allTime.interPurchase == nil)
        #expect(snapshot.periods(.month).isEmpty)
        #expect(try snapshot.cohorts().groups.isEmpty)
        #expect(try snapshot.funnel().stages.allSatisfy { $0.customers == 0 })
        #expect(snapshot.segments().buyers == 0)
    }

    @Test("one-order customers: no returning customers, no gaps, RPR zero")
    func oneOrderCustomers() throws {
        let batch = IngestBatch(orders: [
            TestShop.order("a", "A", "2025-04-02T10:00:00Z", 1_000), TestShop.order("b", "B", "2025-04-03T10:00:00Z", 3_000),
        ])
        let snapshot = TestShop.engine(batch).snapshot(asOf: TestShop.instant("2025-04-30T12:00:00Z"))
        let april = try snapshot.metrics(for: TestShop.month("2025-04"))
        #expect(april.customers == 2 && april.newCustomers == 2 && april.returningCustomers == 0)
        #expect(april.repeatPurchaseRate == 0 && april.averageOrderValueMinor == 2_000 && april.interPurchase == nil)
        #expect(snapshot.periods(.month) == [TestShop.month("2025-04")])
    }

    @Test("metrics for a segment count only its customers")
    func segmentMetrics() throws {
        let lost = try snapshot.metrics(for: TestShop.month("2025-02"), segment: .lifecycle(.lost))
        #expect(lost.customers == 3)
        let rule = SegmentRule(.all, [SegmentCondition(.purchases, .greaterOrEqual, .number(2))])
        let repeaters = try snapshot.metrics(for: TestShop.month("2025-02"), segment: .rule(rule))
        #expect(repeaters.customers == 1 && repeaters.netRevenueMinor == 5_000 && repeaters.newCustomers == 0)
        let none = try snapshot.metrics(for: TestShop.month("2025-02"), segment: .lifecycle(.active))
        #expect(none.customers == 0 && none.orders == 0)
    }
}
