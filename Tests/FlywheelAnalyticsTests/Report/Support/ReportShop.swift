import FlywheelAnalytics
import FlywheelCore
import Foundation

/// Reports over the hand-made shop (`HandShop`, figures worked out in `RetentionReportTests`), and a
/// variant whose customer ids and channels are what a careless shop might send: markup, commas, quotes,
/// spreadsheet formulas.
enum ReportShop {
    /// The end of 2025-03-31 in Berlin.
    static let asOf = TestShop.instant("2025-03-31T21:59:59Z")

    /// HandShop's report as of the end of March 2025, every standard section.
    static func handReport(segment: CustomerFilter = .all) throws -> RetentionReport {
        try TestShop.engine(HandShop.batch).snapshot(asOf: asOf)
            .retentionReport(RetentionReportOptions(shopName: "Hand & Sons", segment: segment))
    }

    /// A shop whose names try to break the renderers.
    static let hostileCustomer = "<script>alert(\"x\")</script>"
    static let hostileChannel = "=HYPERLINK(\"evil\"), ads"

    static func hostileReport() throws -> RetentionReport {
        var batch = HandShop.batch
        batch.orders.append(
            TestShop.order(
                "h1", hostileCustomer, "2025-03-01T10:00:00Z", 2_500, channel: hostileChannel,
                lines: [("X1", "Tee, \"grün\"\nlose")]))
        batch.orders.append(TestShop.order("h2", hostileCustomer, "2025-03-20T10:00:00Z", 1_500, lines: [("X1", "Tee, \"grün\"\nlose")]))
        batch.marketingSpend.append(TestShop.spend(hostileChannel, "2025-03", 1_000))
        return try TestShop.engine(batch).snapshot(asOf: asOf)
            .retentionReport(RetentionReportOptions(shopName: "<b>Bohne</b> & \"Tee\""))
    }
}
