import FlywheelAnalytics
import FlywheelCore
import Foundation
import Testing

@Suite("TextReportRenderer: aligned tables and sparklines within 100 columns, German and English")
struct TextReportRendererTests {
    @Test("English: the hand shop's figures, exactly")
    func english() throws {
        let text = TextReportRenderer(try ReportShop.handReport(), locale: .en).render()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Retention report — Hand & Sons")
        #expect(lines[1] == "As of 2025-03-31 (Europe/Berlin) · Months 2025-01 – 2025-03 · all customers (4) · EUR")
        #expect(lines[2] == "Left out: 1 orders in other currencies, 1 guest orders")
        #expect(lines.contains("  Repeat purchase rate               33.3 %"))
        #expect(lines.contains("  Average order value                54.00 EUR"))
        #expect(lines.contains("  Historical LTV (exact)             90.00 EUR"))
        #expect(lines.contains("  NPS                                0.0 (3 answers)"))
        #expect(lines.contains("  CSAT                               50.0 (4 answers)"))
        #expect(lines.contains("  Loyalty index                      -16.7"))
        #expect(lines.contains("  google_ads    300.00              1  300.00  200.00     0.67"))
        #expect(lines.contains("  (no channel)    0.00              1       –   30.00        –"))
        #expect(lines.contains("  2025-01           1              1       2                150   0.0 %  200.00      –    –"))
        #expect(lines.contains("  2025-03*          0              0       0                  0       –       –  0.0 %    –"))
        #expect(lines.contains("  – no data"))
        #expect(lines.contains("  RPR  ▁█   0.0 % → 33.3 %  (Min 0.0 %, Max 33.3 %)"))
        #expect(lines.contains("  2025-01     1  100  100   0"))
        #expect(lines.contains("  2025-02     2  100    0"))
        #expect(lines.contains("  Repeat buyers                 1         33.3 %                33.3 %  ███████"))
        #expect(lines.contains("  Advocates                     0              –                 0.0 %"))
        #expect(lines.contains("  Referrers  not tracked"))
        #expect(lines.contains("  All purchases       1  36.0       36.0    36.0       36.0       36.0       36.0"))
        #expect(text.hasSuffix("\n"))
    }

    @Test("German: labels, decimal commas, \"keine Daten\"")
    func german() throws {
        let text = TextReportRenderer(try ReportShop.handReport(), locale: .de).render()
        #expect(text.hasPrefix("Kundenbindungsbericht — Hand & Sons\nStand 2025-03-31"))
        #expect(text.contains("  Wiederkaufrate                                    33,3 %\n"))
        #expect(text.contains("  Ø Bestellwert                                     54,00 EUR\n"))
        #expect(text.contains("  – keine Daten\n"))
        #expect(text.contains("Aktiv bis 60 Tage nach dem letzten Kauf, abwandernd bis 90 Tage"))
        #expect(!text.contains("no data"))
    }

    @Test("no line is wider than 100 characters, even with long names and a CLV section")
    func width() throws {
        for locale in ShopLocale.allCases {
            for report in [try ReportShop.handReport(), try ReportShop.hostileReport(), try Self.cdnowWithCLV()] {
                let text = TextReportRenderer(report, locale: locale).render()
                let widest = text.split(separator: "\n").map(\.count).max() ?? 0
                #expect(widest <= TextReportRenderer.width, "\(locale): \(widest) columns")
            }
        }
    }

    @Test("a CLV section asked for but not made says why")
    func clvUnavailable() throws {
        let snapshot = TestShop.engine(HandShop.batch).snapshot(asOf: ReportShop.asOf)
        let report = try snapshot.retentionReport(
            RetentionReportOptions(shopName: "x", sections: [.clv]), clvUnavailable: "no repeat buyer")
        let text = TextReportRenderer(report, locale: .en).render()
        #expect(text.contains("PREDICTED CUSTOMER LIFETIME VALUE\n═════════════════════════════════\n  Not available: no repeat buyer\n"))
    }

    /// CDNOW_master's report with the CLV section (long month and cohort series, six-digit figures).
    static func cdnowWithCLV() throws -> RetentionReport {
        var table = OrderTable(currency: .usd, timeZone: TestShop.utc)
        table.add(IngestBatch(orders: try Fixtures.cdnowMasterOrders()))
        let snapshot = AnalyticsEngine(table: table).snapshot(asOf: TestShop.instant("1998-06-30T23:59:59Z"))
        var options = RetentionReportOptions(shopName: "CDNOW")
        options.sections.insert(.clv)
        return try snapshot.retentionReport(options, clv: try snapshot.reportCLV())
    }
}
