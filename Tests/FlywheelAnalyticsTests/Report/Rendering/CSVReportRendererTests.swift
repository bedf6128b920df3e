import FlywheelAnalytics
import Foundation
import Testing

@Suite("CSVReportRenderer: one long table, RFC 4180")
struct CSVReportRendererTests {
    @Test("every row has six fields; figures are where the header says")
    func rows() throws {
        let rows = try Self.parse(CSVReportRenderer.render(try ReportShop.handReport()))
        #expect(rows[0] == ["section", "group", "item", "metric", "value", "unit"])
        #expect(rows.allSatisfy { $0.count == 6 })
        func value(_ section: String, _ group: String, _ item: String, _ metric: String) -> [String]? {
            rows.first { $0[0] == section && $0[1] == group && $0[2] == item && $0[3] == metric }.map { [$0[4], $0[5]] }
        }
        #expect(value("headline", "", "", "net_revenue") == ["270.00", "EUR"])
        #expect(value("headline", "", "", "repeat_purchase_rate") == ["\(1.0 / 3)", "ratio"])
        #expect(value("headline", "", "", "nps") == ["0.0", "score"])
        #expect(value("monthly", "", "2025-03", "repeat_purchase_rate") == ["", "ratio"])  // no data: empty
        #expect(value("cohorts", "2025-01", "M1", "retention") == ["1.0", "ratio"])
        #expect(value("segments", "lifecycle", "prospect", "customers") == ["1", "count"])
        #expect(value("channels", "", "google_ads", "cac") == ["300.00", "EUR"])
        #expect(value("funnel", "", "", "referrers") == ["", "count"])
    }

    @Test("commas, quotes and line breaks are quoted; formulas are made inert")
    func quoting() throws {
        let csv = CSVReportRenderer.render(try ReportShop.hostileReport())
        #expect(csv.contains("\r\n"))
        #expect(csv.contains(",\"Tee, \"\"grün\"\"\nlose\","))
        let rows = try Self.parse(csv)
        #expect(rows.allSatisfy { $0.count == 6 })
        #expect(rows.contains { $0[0] == "report" && $0[3] == "shop_name" && $0[4] == "<b>Bohne</b> & \"Tee\"" })
        #expect(rows.contains { $0[0] == "channels" && $0[2] == "'" + ReportShop.hostileChannel && $0[3] == "spend" })
        #expect(rows.contains { $0[0] == "gaps" && $0[2] == "Tee, \"grün\"\nlose" })
    }

    /// An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF.
    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text)[...]
        while let char = chars.popFirst() {
            if quoted {
                if char == "\"" {
                    if chars.first == "\"" {
                        field.append("\"")
                        chars.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(char)
                }
            } else if char == "\"" && field.isEmpty {
                quoted = true
            } else if char == "," {
                row.append(field)
                field = ""
            } else if char == "\r\n" || char == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                try #require(char != "\"", "a quote inside an unquoted field")
                field.append(char)
            }
        }
        try #require(!quoted && field.isEmpty && row.isEmpty, "the text ends inside a record")
        return rows
    }
}
