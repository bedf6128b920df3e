import FlywheelAnalytics
import FlywheelCore
import Foundation
import Testing

@Suite("HTMLReportRenderer: one self-contained, well-formed, escaped, accessible page")
struct HTMLReportRendererTests {
    @Test("self-contained: inline CSS and SVG, no script, nothing fetched")
    func selfContained() throws {
        let html = HTMLReportRenderer(try TextReportRendererTests.cdnowWithCLV(), locale: .en).render()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<style>"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 4)  // RPR, LTV, NPS, cohort heatmap
        #expect(html.contains("id=\"chart-rpr\"") && html.contains("id=\"chart-ltv\"") && html.contains("id=\"chart-nps\""))
        #expect(html.contains("id=\"cohort-heatmap\""))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("src="))
        for id in ["headline", "monthly", "cohorts", "funnel", "segments", "gaps", "clv"] {
            #expect(html.contains("<section id=\"\(id)\" aria-labelledby=\"\(id)-heading\">"))
        }
        try Self.checkWellFormed(html)
    }

    @Test("text from the data is escaped: a customer id that is a script tag stays text")
    func escaping() throws {
        let snapshot = try Self.hostileSnapshot()
        var options = RetentionReportOptions(shopName: "<b>Bohne</b> & \"Tee\"")
        options.sections.insert(.clv)
        let report = try snapshot.retentionReport(options, clv: try snapshot.reportCLV())
        #expect(report.clv?.topCustomers.contains { $0.customer == ReportShop.hostileCustomer } == true)
        let html = HTMLReportRenderer(report, locale: .de).render()
        #expect(html.contains("<html lang=\"de\">"))
        #expect(!html.contains(ReportShop.hostileCustomer))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        #expect(html.contains("<title>Kundenbindungsbericht — &lt;b&gt;Bohne&lt;/b&gt; &amp; &quot;Tee&quot;</title>"))
        #expect(html.contains("=HYPERLINK(&quot;evil&quot;), ads"))
        #expect(!html.lowercased().contains("<script"))
        try Self.checkWellFormed(html)
    }

    @Test("every table has a caption and column headers with a scope; no data reads \"no data\"")
    func accessibleTables() throws {
        let html = HTMLReportRenderer(try ReportShop.handReport(), locale: .en).render()
        let tables = html.components(separatedBy: "<table").count - 1
        #expect(tables > 5)
        #expect(html.components(separatedBy: "</table>").count - 1 == tables)
        #expect(html.components(separatedBy: "<caption>").count - 1 == tables)
        #expect(!html.contains("<th>"))
        #expect(html.contains("<tr><th scope=\"row\">NPS</th><td>0.0 (3 answers)</td></tr>"))
        #expect(html.contains("<td>no data</td>"))
        try Self.checkWellFormed(html)
    }

    /// The hostile shop's snapshot (CLV needs repeat buyers: the hand shop's A and the hostile customer).
    static func hostileSnapshot() throws -> AnalyticsSnapshot {
        var batch = HandShop.batch
        batch.orders.append(
            TestShop.order("h1", ReportShop.hostileCustomer, "2025-03-01T10:00:00Z", 2_500, channel: ReportShop.hostileChannel))
        batch.orders.append(TestShop.order("h2", ReportShop.hostileCustomer, "2025-03-20T10:00:00Z", 90_000))
        batch.orders.append(TestShop.order("h3", "E", "2025-01-03T10:00:00Z", 2_000))
        batch.orders.append(TestShop.order("h4", "E", "2025-02-03T10:00:00Z", 2_500))
        return TestShop.engine(batch).snapshot(asOf: ReportShop.asOf)
    }

    /// Tags balance (void elements and `/>` aside), attributes are quoted, and no `<` or `&` stands alone
    /// in text.
    static func checkWellFormed(_ html: String) throws {
        let void: Set<String> = ["meta", "br", "img", "hr", "input", "link"]
        var stack: [String] = []
        var rest = Substring(html)
        if rest.hasPrefix("<!DOCTYPE html>") { rest = rest.dropFirst("<!DOCTYPE html>".count) }
        while let open = rest.firstIndex(where: { $0 == "<" || $0 == "&" }) {
            if rest[open] == "&" {
                let entity = rest[open...].prefix(while: { $0 != ";" && $0 != " " && $0 != "<" })
                try #require(rest[open...].dropFirst(entity.count).first == ";", "a bare & near \(rest[open...].prefix(30))")
                rest = rest[rest.index(after: open)...]
                continue
            }
            guard let close = rest[open...].firstIndex(of: ">") else { throw HTMLProblem("an unclosed tag") }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            try #require(!tag.contains("<"), "'<' inside a tag: \(tag.prefix(40))")
            try #require(tag.filter { $0 == "\"" }.count % 2 == 0, "unbalanced quotes in \(tag.prefix(40))")
            let name = String(tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })).lowercased()
            if tag.hasPrefix("/") {
                try #require(stack.popLast() == name, "</\(name)> closes \(stack.last ?? "nothing")")
            } else if !tag.hasSuffix("/") && !void.contains(name) {
                stack.append(name)
            }
        }
        try #require(stack.isEmpty, "unclosed: \(stack)")
    }

    struct HTMLProblem: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }
}
