@testable import FlywheelAnalytics
import FlywheelCore
import FlywheelSimulation
import Foundation
import Testing

/// The CLV models and the gaps started by the engine beside its own pass (`ReportAhead`) give exactly the
/// report computed after it; work ahead as of another instant, with other CLV options or over a table that
/// has changed since is not used.
@Suite("Report ahead: work started beside the engine's pass gives the same report")
struct ReportAheadTests {
    static let simulator = ShopSimulator(config: SimulationConfig(customers: 600, seed: 41))

    static func table() -> OrderTable {
        var table = OrderTable(settings: simulator.settings)
        for batch in simulator.batches(customersPerBatch: 150) { table.add(batch) }
        return table
    }

    static var sections: Set<ReportSection> {
        var sections = ReportSection.standard
        sections.insert(.clv)
        return sections
    }

    @Test("as of the last day and as of a day mid-history, for everyone and for segments")
    func sameReport() throws {
        let table = Self.table()
        let clvOptions = ReportCLVOptions(topCustomers: 10)
        let end = Self.simulator.endInstant
        for asOf in [end, end.addingTimeInterval(-250 * 86_400)] {
            let ahead = ReportAhead(asOf: asOf, clv: clvOptions, gaps: true)
            let early = AnalyticsEngine(table: table, ahead: ahead).snapshot(asOf: asOf)
            let fresh = AnalyticsEngine(table: table).snapshot(asOf: asOf)
            #expect(early.ahead != nil)
            #expect(fresh.ahead == nil)
            for segment in [CustomerFilter.all, .lifecycle(.active), .vip] {
                let options = RetentionReportOptions(shopName: "sim", segment: segment, sections: Self.sections)
                let report = try early.retentionReport(options, clvOptions: clvOptions)
                let expected = try fresh.retentionReport(options, clvOptions: clvOptions)
                #expect(report.clv != nil && report.gaps != nil && report.headline != nil)
                #expect(report == expected)
            }
            // The sections taken from the work ahead on their own, against the snapshot's.
            #expect(try early.interPurchaseTimes() == fresh.interPurchaseTimes())
            // The report's gaps (ahead: without products) are the full ones less the products.
            var withoutProducts = try fresh.interPurchaseTimes()
            #expect(!withoutProducts.byProduct.isEmpty)
            withoutProducts.byProduct = []
            #expect(try early.interPurchaseTimes(segment: .all, products: false) == withoutProducts)
            #expect(try fresh.interPurchaseTimes(segment: .all, products: false) == withoutProducts)
            #expect(try early.reportCLV(options: clvOptions) == fresh.reportCLV(options: clvOptions))
        }
    }

    @Test("work ahead as of another instant, with another horizon, or before a change of the table is not used")
    func notUsedWhenItDoesNotApply() throws {
        var table = Self.table()
        let end = Self.simulator.endInstant
        let earlier = end.addingTimeInterval(-100 * 86_400)
        let clvOptions = ReportCLVOptions(topCustomers: 5)
        let engine = AnalyticsEngine(table: table, ahead: ReportAhead(asOf: earlier, clv: clvOptions, gaps: true))
        // Another instant: the snapshot computes its own.
        let other = engine.snapshot(asOf: end)
        #expect(other.ahead == nil)
        #expect(try other.reportCLV(options: clvOptions) == AnalyticsEngine(table: table).snapshot(asOf: end).reportCLV(options: clvOptions))
        // Another horizon: the models are fitted again with it.
        let sameInstant = engine.snapshot(asOf: earlier)
        let longer = ReportCLVOptions(horizonWeeks: 26, topCustomers: 5)
        #expect(try sameInstant.ahead?.clv(options: longer) == nil)
        #expect(try sameInstant.ahead?.clv(options: clvOptions) != nil)
        #expect(
            try sameInstant.reportCLV(options: longer)
                == AnalyticsEngine(table: table).snapshot(asOf: earlier).reportCLV(options: longer))
        // Gaps were not asked for: the snapshot computes them.
        let noGaps = AnalyticsEngine(table: table, ahead: ReportAhead(asOf: end, clv: nil, gaps: false))
        #expect(noGaps.ahead?.gaps() == nil)
        #expect(try noGaps.snapshot(asOf: end).interPurchaseTimes() == AnalyticsEngine(table: table).snapshot(asOf: end).interPurchaseTimes())
        // A new order: the table changed, so the work ahead is dropped.
        var live = AnalyticsEngine(table: table, ahead: ReportAhead(asOf: end, clv: clvOptions, gaps: true))
        let customer = table.customers.externalIDs[0]
        let placed = ISO8601DateFormatter().string(from: end.addingTimeInterval(-3_600))
        let order = TestShop.order(
            "ahead-new", customer, placed, 4_200, lines: [("ahead-sku", nil)], currency: table.currency)
        _ = live.apply(order, asOf: end)
        #expect(live.ahead == nil)
        table.add(IngestBatch(orders: [order]))
        #expect(try live.snapshot(asOf: end).interPurchaseTimes() == AnalyticsEngine(table: table).snapshot(asOf: end).interPurchaseTimes())
    }
}
