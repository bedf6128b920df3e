@testable import FlywheelAnalytics
import FlywheelCore
import Foundation
import Testing

@Suite("ReportCLV: BG/NBD and Gamma-Gamma over the snapshot, summed over a segment")
struct ReportCLVTests {
    static let snapshot: AnalyticsSnapshot = {
        var table = OrderTable(currency: .usd, timeZone: TestShop.utc)
        table.add(IngestBatch(orders: try! Fixtures.cdnowMasterOrders()))
        return AnalyticsEngine(table: table).snapshot(asOf: TestShop.instant("1998-06-30T23:59:59Z"))
    }()

    @Test("CDNOW_master: fitted on every buyer, the same models as fitting the transactions directly")
    func cdnow() throws {
        let clv = try Self.snapshot.reportCLV(options: ReportCLVOptions(topCustomers: 3))
        #expect(clv.calibrationEnd == "1998-06-30")
        #expect(clv.fittedCustomers == 23_570)
        #expect(clv.repeatCustomers == 11_516)  // = the report's repeat buyers
        #expect(clv.customers == 23_570)
        #expect(clv.purchaseFit.converged && clv.spendFit.converged)

        // The same fit from a log built independently: one transaction per CDNOW row (same-day rows are one
        // occasion in the summary either way).
        var log = CLVTransactionLog()
        var ids: [String: Int] = [:]
        for order in try Fixtures.cdnowMasterOrders() {
            let c = ids[order.customerExternalID!, default: ids.count]
            ids[order.customerExternalID!] = c
            log.append(
                customer: c, day: Int(order.placedAt.timeIntervalSince1970 / 86_400), minorUnits: order.totalMinor)
        }
        let summary = try CLVSummary(
            transactions: log,
            options: CLVSummaryOptions(calibrationEnd: CivilDate(year: 1998, month: 6, day: 30)!.daysSinceEpoch))
        let direct = try BGNBDModel.fit(summary).model
        #expect(abs(direct.r - clv.purchaseModel.r) < 1e-9)
        #expect(abs(direct.b - clv.purchaseModel.b) < 1e-9)
        let forecast = CLVForecast(
            summary: summary, model: direct, spend: try GammaGammaModel.fit(summary).model,
            options: CLVForecastOptions(horizon: 52))
        #expect(abs(forecast.totalExpectedPurchases - clv.expectedPurchases) < 1e-6 * clv.expectedPurchases)
        let best = try #require(forecast.lifetimeValue.indices.max { forecast.lifetimeValue[$0] < forecast.lifetimeValue[$1] })
        #expect(clv.topCustomers.first?.customer == ids.first { $0.value == summary.customer[best] }?.key)
        #expect(clv.topCustomers.count == 3)
        #expect(zip(clv.topCustomers, clv.topCustomers.dropFirst()).allSatisfy { $0.clvMinor >= $1.clvMinor })
    }

    @Test("a segment sums and ranks only its members, the models stay the shop's")
    func segment() throws {
        let all = try Self.snapshot.reportCLV()
        let lost = try Self.snapshot.reportCLV(segment: .lifecycle(.lost))
        #expect(lost.purchaseModel == all.purchaseModel)
        #expect(lost.customers == (try Self.snapshot.members(of: .lifecycle(.lost))).count)
        #expect(lost.customers < all.customers)
        #expect((lost.meanProbabilityAlive ?? 1) < (all.meanProbabilityAlive ?? 0))
        #expect(lost.totalClvMinor < all.totalClvMinor)
    }
}
