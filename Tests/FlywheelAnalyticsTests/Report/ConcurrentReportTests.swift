@testable import FlywheelAnalytics
import FlywheelCore
import FlywheelSimulation
import Foundation
import Testing

/// The report's sections computed side by side on every core give exactly the report computed one section
/// after the other, the CLV section included.
@Suite("Concurrent report: the same report as the serial path")
struct ConcurrentReportTests {
    static let simulator = ShopSimulator(config: SimulationConfig(customers: 600, seed: 23))

    static func snapshot() -> AnalyticsSnapshot {
        var table = OrderTable(settings: simulator.settings)
        for batch in simulator.batches(customersPerBatch: 150) { table.add(batch) }
        return AnalyticsEngine(table: table).snapshot(asOf: simulator.endInstant)
    }

    @Test("every section, CLV included, for everyone and for a segment")
    func sameAsSerial() throws {
        let snapshot = Self.snapshot()
        var sections = ReportSection.standard
        sections.insert(.clv)
        let clvOptions = ReportCLVOptions(topCustomers: 10)
        for segment in [CustomerFilter.all, .lifecycle(.active), .vip] {
            let options = RetentionReportOptions(shopName: "sim", segment: segment, sections: sections)
            let concurrent = try snapshot.retentionReport(options, clvOptions: clvOptions)
            let serial = try snapshot.assembleReport(options, clv: clvOptions, concurrently: false)
            let separate = try snapshot.retentionReport(
                options, clv: try snapshot.reportCLV(segment: segment, options: clvOptions))
            #expect(concurrent.clv != nil)
            #expect(concurrent.headline != nil && concurrent.cohorts != nil && concurrent.gaps != nil)
            #expect(concurrent == serial)
            #expect(concurrent == separate)
        }
    }

    @Test("a CLV section that cannot be fitted says why, as the CLI reported it")
    func clvUnavailable() throws {
        // One purchase per customer: no repeat buyer, so BG/NBD cannot be fitted.
        var batch = IngestBatch()
        for i in 0..<5 {
            batch.orders.append(
                TestShop.order("o\(i)", "c\(i)", "2025-01-0\(i + 1)T10:00:00Z", 1_000))
        }
        let snapshot = TestShop.engine(batch).snapshot(asOf: TestShop.instant("2025-02-01T00:00:00Z"))
        let options = RetentionReportOptions(shopName: "x", sections: [.headline, .clv])
        let report = try snapshot.retentionReport(options, clvOptions: ReportCLVOptions())
        #expect(report.clv == nil)
        var expected: String?
        do { _ = try snapshot.reportCLV() } catch let error as CLVError { expected = error.description }
        #expect(expected != nil)
        #expect(report.clvUnavailable == expected)
        #expect(report.headline?.orders == 5)
    }
}
