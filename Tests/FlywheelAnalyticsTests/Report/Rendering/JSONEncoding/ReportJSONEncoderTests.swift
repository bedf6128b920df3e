import FlywheelAnalytics
import FlywheelCore
import Foundation
import Testing

@Suite("ReportJSONEncoder: byte for byte what JSONEncoder writes with the report's settings")
struct ReportJSONEncoderTests {
    /// What `JSONReportRenderer.encoder` (Foundation's `JSONEncoder`) writes.
    static func reference<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONReportRenderer.encoder.encode(value), as: UTF8.self)
    }

    /// What `ReportJSONEncoder` writes (as text, so that a difference reads as one).
    static func ours<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try ReportJSONEncoder().encode(value), as: UTF8.self)
    }

    static func reports() throws -> [RetentionReport] {
        let snapshot = TestShop.engine(HandShop.batch).snapshot(asOf: ReportShop.asOf)
        return [
            try ReportShop.handReport(),
            try ReportShop.handReport(segment: .rfm(.champions)),
            try ReportShop.hostileReport(),
            try TextReportRendererTests.cdnowWithCLV(),
            try snapshot.retentionReport(
                RetentionReportOptions(shopName: "x", sections: [.clv]), clvUnavailable: "no repeat buyer"),
            try snapshot.retentionReport(RetentionReportOptions(shopName: "x", sections: [.monthly, .cohorts])),
            try TestShop.engine(IngestBatch()).snapshot(asOf: ReportShop.asOf)
                .retentionReport(RetentionReportOptions(shopName: "empty")),
        ]
    }

    @Test("every report form: the hand shop, a segment, hostile names, CDNOW with CLV, CLV unavailable, a few sections, an empty shop")
    func reportsAsJSONEncoder() throws {
        for report in try Self.reports() {
            let theirs = try Self.reference(report)
            #expect(try Self.ours(report) == theirs, "\(report.shopName), \(report.segment)")
            #expect(try JSONReportRenderer.render(report) == theirs + "\n")
        }
    }

    @Test("shapes the report does not have yet: nesting, empty containers, numbers at the edges, escapes, keys with capitals, dates, data, URLs, decimals")
    func shapes() throws {
        let value = Shapes.sample
        #expect(try Self.ours(value) == (try Self.reference(value)))
        #expect(try Self.ours([Shapes]()) == (try Self.reference([Shapes]())))
        #expect(try Self.ours(Optional<Int>.none) == (try Self.reference(Optional<Int>.none)))
        #expect(try Self.ours("a/b") == (try Self.reference("a/b")))
    }

    @Test("snake_case keys as JSONEncoder converts them")
    func snakeCase() throws {
        for key in ["a", "oneTwoThree", "myURLProperty", "URLValue", "_leading", "trailing_", "p10", "ltvExactMinor",
                    "HTTPStatus", "aB", "ABC", "lapseWindowDays90", "größeÄnderung", "x1Y2"] {
            let value = [KeyedValue(key: key, value: 1)]
            #expect(try Self.ours(value) == (try Self.reference(value)), "\(key)")
        }
    }

    @Test("a number that is not finite is an error naming where it was, as with JSONEncoder")
    func nonFinite() throws {
        let value = Shapes.Inner(name: "x", ratio: .nan, items: [])
        #expect(throws: EncodingError.self) { try ReportJSONEncoder().encode(value) }
        #expect(throws: EncodingError.self) { try ReportJSONEncoder().encode([1.0, .infinity]) }
        do {
            _ = try ReportJSONEncoder().encode([value])
            Issue.record("no error")
        } catch EncodingError.invalidValue(_, let context) {
            #expect(context.codingPath.map(\.stringValue) == ["Index 0", "ratio"])
        }
    }
}

/// A value with one key chosen at run time.
private struct KeyedValue: Encodable {
    let key: String
    let value: Int

    struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(value, forKey: Key(stringValue: key))
    }
}

/// Every kind of value an `Encodable` type can hand an encoder.
private struct Shapes: Encodable {
    struct Inner: Encodable {
        var name: String
        var ratio: Double
        var items: [Int]
    }

    enum Kind: String, Encodable { case first, secondKind }

    var text = "quote \" backslash \\ slash / controls \u{8}\u{C}\n\r\t\u{0}\u{1F}\u{7F} grün 🙂 <b>&</b>"
    var empty = ""
    var flag = true
    var integers: [Int] = [0, -1, Int.max, Int.min]
    var wide: [Int64] = [Int64.max, Int64.min]
    var small: [Int8] = [-128, 127]
    var unsigned: [UInt64] = [0, UInt64.max]
    var doubles: [Double] = [0, -0.0, 1, 1.5, 1.0 / 3, 1e-7, 1e16, 1e21, 123456789012345680, -2.5e-300, Double.greatestFiniteMagnitude]
    var floats: [Float] = [0.1, 1, 3.4e38]
    var missing: Int? = nil
    var present: Double? = 2
    var nested = Inner(name: "inner", ratio: 0.25, items: [1, 2])
    var emptyInner = Inner(name: "", ratio: 0, items: [])
    var list: [Inner] = [Inner(name: "a", ratio: 1, items: [3]), Inner(name: "b", ratio: 2, items: [])]
    var emptyList: [Inner] = []
    var matrix: [[Double?]] = [[1, nil], [], [0.5]]
    var kinds: [Kind] = [.first, .secondKind]
    var date = Date(timeIntervalSince1970: 1_700_000_000.25)
    var dates: [Date] = [Date(timeIntervalSince1970: 0)]
    var data = Data([0, 1, 2, 250, 255])
    var url = URL(string: "https://example.com/a?b=c&d=é")!
    var decimal = Decimal(string: "12.345")!
    var myURLProperty = 1
    var aB = "x"
    var zLast = 0
    var aFirst = 0

    static let sample = Shapes()

    enum CodingKeys: String, CodingKey {
        case text, empty, flag, integers, wide, small, unsigned, doubles, floats, missing, present, nested, emptyInner
        case list, emptyList, matrix, kinds, date, dates, data, url, decimal, myURLProperty, aB, zLast, aFirst
        case nestedByHand, arrayByHand, duplicate
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(empty, forKey: .empty)
        try container.encode(flag, forKey: .flag)
        try container.encode(integers, forKey: .integers)
        try container.encode(wide, forKey: .wide)
        try container.encode(small, forKey: .small)
        try container.encode(unsigned, forKey: .unsigned)
        try container.encode(doubles, forKey: .doubles)
        try container.encode(floats, forKey: .floats)
        try container.encode(missing, forKey: .missing)  // null
        try container.encodeIfPresent(missing, forKey: .duplicate)  // left out
        try container.encode(present, forKey: .present)
        try container.encode(nested, forKey: .nested)
        try container.encode(emptyInner, forKey: .emptyInner)
        try container.encode(list, forKey: .list)
        try container.encode(emptyList, forKey: .emptyList)
        try container.encode(matrix, forKey: .matrix)
        try container.encode(kinds, forKey: .kinds)
        try container.encode(date, forKey: .date)
        try container.encode(dates, forKey: .dates)
        try container.encode(data, forKey: .data)
        try container.encode(url, forKey: .url)
        try container.encode(decimal, forKey: .decimal)
        try container.encode(myURLProperty, forKey: .myURLProperty)
        try container.encode(aB, forKey: .aB)
        try container.encode(zLast, forKey: .zLast)
        try container.encode(aFirst, forKey: .aFirst)
        var byHand = container.nestedContainer(keyedBy: CodingKeys.self, forKey: .nestedByHand)
        try byHand.encode(1.25, forKey: .present)
        try byHand.encodeNil(forKey: .missing)
        var nestedList = byHand.nestedUnkeyedContainer(forKey: .list)
        try nestedList.encode("x")
        var deeper = nestedList.nestedContainer(keyedBy: CodingKeys.self)
        try deeper.encode(true, forKey: .flag)
        var innermost = nestedList.nestedUnkeyedContainer()
        try innermost.encodeNil()
        var again = container.nestedContainer(keyedBy: CodingKeys.self, forKey: .nestedByHand)  // the same object
        try again.encode("added later", forKey: .text)
        var array = container.nestedUnkeyedContainer(forKey: .arrayByHand)
        try array.encode(Int16(-3))
        try array.encode(UInt8(200))
        try array.encode(Float(2.5))
        try array.encode(nested)
        try container.encode("first", forKey: .duplicate)
        try container.encode("second", forKey: .duplicate)  // the last value counts
    }
}
