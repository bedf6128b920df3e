@testable import FlywheelAnalytics
import FlywheelCore
import Testing

@Suite("ReportStrings, ReportNumberFormat, Sparkline")
struct ReportStringsTests {
    @Test("every label has a German and an English text, and they differ where the languages do")
    func complete() {
        #expect(ReportStrings.missing(in: .de).isEmpty)
        #expect(ReportStrings.missing(in: .en).isEmpty)
        #expect(ReportStrings(.de)[.noData] == "keine Daten")
        #expect(ReportStrings(.en).text(.clvUnavailable, "x") == "Not available: x")
        #expect(ReportStrings(.de).name(RFMSegment.cantLose) == "Nicht verlieren")
        #expect(ReportStrings(.en).name(CustomerFilter.rfm(.atRisk)) == "RFM segment: At Risk")
    }

    @Test("numbers: separators by language, rounding half away from zero, money in minor units")
    func numbers() {
        let en = ReportNumberFormat(.en)
        let de = ReportNumberFormat(.de)
        #expect(en.integer(1_234_567) == "1,234,567")
        #expect(de.integer(1_234_567) == "1.234.567")
        #expect(en.decimal(-0.04, digits: 1) == "0.0")
        #expect(en.decimal(2.345, digits: 2) == "2.35")
        #expect(de.decimal(-1234.5, digits: 1) == "-1.234,5")
        #expect(en.percent(1.0 / 3) == "33.3 %")
        #expect(de.money(-123_456, digits: 2, currency: "EUR") == "-1.234,56 EUR")
        #expect(en.amount(5, digits: 2) == "0.05")
        #expect(en.amount(5, digits: 0) == "5")
        #expect(en.decimal(.nan, digits: 1) == "–")
    }

    @Test("sparklines: lowest to highest, gaps for missing values, a flat series at mid height")
    func sparkline() {
        #expect(Sparkline.render([0, 1, 2, 3, 4, 5, 6, 7]) == "▁▂▃▄▅▆▇█")
        #expect(Sparkline.render([1, nil, 3]) == "▁ █")
        #expect(Sparkline.render([2, 2]) == "▄▄")
        #expect(Sparkline.render([nil, nil]) == "  ")
    }
}
