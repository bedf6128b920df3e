import FlywheelAnalytics
import Foundation
import Testing

@Suite("JSONReportRenderer: sorted snake_case keys, minor units, null for no data, round trip")
struct JSONReportRendererTests {
    @Test("decodes back to the same report")
    func roundTrip() throws {
        for report in [try ReportShop.handReport(), try ReportShop.hostileReport(), try TextReportRendererTests.cdnowWithCLV()] {
            let json = try JSONReportRenderer.render(report)
            let decoded = try JSONReportRenderer.decoder.decode(RetentionReport.self, from: Data(json.utf8))
            #expect(decoded == report)
        }
    }

    @Test("keys and values as documented")
    func keys() throws {
        let json = try JSONReportRenderer.render(try ReportShop.handReport())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["currency"] as? String == "EUR")
        #expect(object["as_of"] as? String == "2025-03-31T21:59:59Z")
        #expect((object["segment"] as? [String: Any])?["kind"] as? String == "all")
        let headline = try #require(object["headline"] as? [String: Any])
        #expect(headline["net_revenue_minor"] as? Int == 27_000)
        #expect(headline["average_order_value_minor"] as? Int == 5_400)
        #expect(headline["repeat_purchase_rate"] as? Double == 1.0 / 3)
        #expect((headline["nps"] as? [String: Any])?["responses"] as? Int == 3)
        let months = try #require(object["monthly"] as? [[String: Any]])
        #expect(months[2]["repeat_purchase_rate"] is NSNull)  // present, null: the keys do not depend on the data
        #expect(months[2]["ltv_minor"] is NSNull)
        #expect(object["clv"] is NSNull)
        // Keys are sorted: "as_of" comes before "as_of_day" before "clv".
        let asOf = try #require(json.range(of: "\"as_of\""))
        let clv = try #require(json.range(of: "\"clv\""))
        #expect(asOf.lowerBound < clv.lowerBound)
        #expect(!json.contains("Minor\""))
    }
}
