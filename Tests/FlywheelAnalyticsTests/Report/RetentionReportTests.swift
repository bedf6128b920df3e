import FlywheelAnalytics
import FlywheelCore
import Foundation
import Testing

/// HandShop as of the end of March 2025 (Berlin), worked out by hand: buyers A, B, D (C only cancelled,
/// a prospect); purchases o1 100 + o2 50 (A, one occasion on 10 Jan), o3 80 − 30 refunded (A, 15 Feb),
/// o4 40 (B, 1 Feb local), o7 30 (D, 1 Feb); o5 refunded in full, o6 cancelled, o8 USD and o9 guest left out.
@Suite("RetentionReport: the sections assembled from a snapshot")
struct RetentionReportTests {
    @Test("headline: lifetime figures, range figures, CAC per channel, NPS / CSAT / loyalty index")
    func headline() throws {
        let report = try ReportShop.handReport()
        #expect(report.currency == "EUR")
        #expect(report.minorUnitDigits == 2)
        #expect(report.asOfDay == "2025-03-31")
        #expect(report.fromMonth == "2025-01")  // 24 months back, but not before the first purchase
        #expect(report.throughMonth == "2025-03")
        #expect(report.segmentCustomers == 4)
        #expect(report.excluded.ordersInOtherCurrencies == 1)
        #expect(report.excluded.guestOrders == 1)
        let h = try #require(report.headline)
        #expect(h.customers == 4)
        #expect(h.buyers == 3)
        #expect(h.repeatBuyers == 1)
        #expect(h.orders == 5)
        #expect(h.netRevenueMinor == 27_000)
        #expect(h.repeatPurchaseRate == 1.0 / 3)
        #expect(h.purchaseFrequency == 4.0 / 3)
        #expect(h.averageOrderValueMinor == 5_400)
        #expect(h.ltvExactMinor == 9_000)
        #expect(h.ltvFormulaMinor == 9_000)
        #expect(h.rangeNewCustomers == 3)
        #expect(h.rangeOrders == 5)
        #expect(h.rangeNetRevenueMinor == 27_000)
        // NPS: latest per customer A 6, B 10, D 7 → 0; CSAT 5, 4, 2, 3 → 50; index (0 + 50 − 100) / 3.
        #expect(h.nps == ReportScore(score: 0, responses: 3))
        #expect(h.csat == ReportScore(score: 50, responses: 4))
        #expect(abs((h.loyaltyIndex ?? 0) - (-50.0 / 3)) < 1e-9)
        // Spend 300 google_ads (acquired A), 100 meta_ads (B), 50 newsletter (nobody); D came through no channel.
        #expect(h.channels.map(\.channel) == ["google_ads", "meta_ads", "newsletter", nil])
        #expect(h.channels[0].cacMinor == 30_000)
        #expect(h.channels[0].ltvMinor == 20_000)
        #expect(h.channels[1].ltvToCac == 0.4)
        #expect(h.channels[2].cacMinor == nil)
        #expect(h.blendedCacMinor == 15_000)
    }

    @Test("months: new and returning customers, revenue, the acquired customers' LTV, NPS; no data is nil")
    func monthly() throws {
        let months = try #require(try ReportShop.handReport().monthly)
        #expect(months.map(\.month) == ["2025-01", "2025-02", "2025-03"])
        #expect(months.map(\.customers) == [1, 3, 0])
        #expect(months.map(\.newCustomers) == [1, 2, 0])
        #expect(months.map(\.netRevenueMinor) == [15_000, 12_000, 0])
        #expect(months.map(\.repeatPurchaseRate) == [0, 1.0 / 3, nil])
        #expect(months.map(\.ltvMinor) == [20_000, 3_500, nil])
        #expect(months.map { $0.nps?.score } == [nil, 0, nil])
        #expect(months.map(\.complete) == [true, true, false])
    }

    @Test("cohorts, funnel, segments and gaps")
    func otherSections() throws {
        let report = try ReportShop.handReport()
        let cohorts = try #require(report.cohorts)
        #expect(cohorts.map(\.cohort) == ["2025-01", "2025-02"])
        #expect(cohorts[0].retention == [1, 1, 0])
        #expect(cohorts[1].customers == 2)
        #expect(cohorts[1].retention == [1, 0])
        #expect(cohorts[0].cumulativeRevenuePerCustomerMinor == [15_000, 20_000, 20_000])

        let funnel = try #require(report.funnel)
        #expect(funnel.stages.map(\.customers) == [3, 1, 0, 0])
        #expect(funnel.promoters == 1)
        #expect(funnel.reviewers == 2)
        #expect(funnel.referrers == nil)

        let segments = try #require(report.segments)
        #expect(segments.lapseWindow.learned == false)
        #expect(segments.lifecycle.first { $0.segment == "prospect" }?.customers == 1)
        #expect(segments.rfm.reduce(0) { $0 + $1.customers } == 3)

        let gaps = try #require(report.gaps)
        #expect(gaps.overall?.gaps == 1)
        #expect(gaps.overall?.medianDays == 36)  // 10 Jan → 15 Feb
        #expect(report.clv == nil)
    }

    @Test("a period range and a segment narrow the figures; sections not asked for are nil")
    func rangeSegmentAndSections() throws {
        let snapshot = TestShop.engine(HandShop.batch).snapshot(asOf: ReportShop.asOf)
        let report = try snapshot.retentionReport(
            RetentionReportOptions(
                shopName: "x", from: YearMonth("2025-02"), through: YearMonth("2025-02"),
                sections: [.monthly, .cohorts]))
        #expect(report.monthly?.map(\.month) == ["2025-02"])
        #expect(report.cohorts?.map(\.cohort) == ["2025-02"])
        #expect(report.headline == nil && report.funnel == nil && report.segments == nil && report.gaps == nil)

        let prospects = try ReportShop.handReport(segment: .lifecycle(.prospect))
        #expect(prospects.segmentCustomers == 1)
        #expect(prospects.headline?.buyers == 0)
        #expect(prospects.headline?.repeatPurchaseRate == nil)
        #expect(prospects.headline?.averageOrderValueMinor == nil)
    }
}
