import FlywheelAnalytics
import FlywheelCore
import Foundation
import Testing

@Suite("Rule-based segments: field, comparison, value; all / any")
struct SegmentRuleTests {
    let snapshot = TestShop.engine(HandShop.batch).snapshot(asOf: TestShop.instant("2025-04-20T12:00:00Z"))

    private func members(_ match: SegmentRule.Match, _ conditions: [SegmentCondition]) throws -> [String] {
        try snapshot.members(of: .rule(SegmentRule(match, conditions)))
    }

    @Test("numbers, texts and flags")
    func fields() throws {
        #expect(try members(.all, [SegmentCondition(.orders, .greaterOrEqual, .number(3))]) == ["A"])
        #expect(try members(.all, [SegmentCondition(.daysSinceLastPurchase, .greater, .number(70))]) == ["B", "D"])
        #expect(try members(.all, [SegmentCondition(.netSpent, .less, .number(5_000))]) == ["B", "C", "D"])
        #expect(try members(.all, [SegmentCondition(.acquisitionChannel, .equal, .text("meta_ads"))]) == ["B"])
        #expect(try members(.all, [SegmentCondition(.acquisitionChannel, .notEqual, .text("meta_ads"))]) == ["A", "D"])
        #expect(try members(.all, [SegmentCondition(.acquiredWithDiscount, .equal, .flag(true))]) == ["B"])
        #expect(try members(.all, [SegmentCondition(.lifecycleStage, .equal, .text("prospect"))]) == ["C"])
        #expect(try members(.all, [SegmentCondition(.boughtCategory, .equal, .text("Mühlen"))]) == ["A"])
        #expect(try members(.all, [SegmentCondition(.boughtProduct, .notEqual, .text("K1"))]) == ["B", "C"])
        #expect(try members(.all, [SegmentCondition(.latestNPS, .lessOrEqual, .number(6))]) == ["A"])
        #expect(try members(.all, [SegmentCondition(.reviews, .greaterOrEqual, .number(1))]) == ["A", "B"])
        #expect(try members(.all, [SegmentCondition(.firstCategory, .equal, .text("Kaffee"))]) == ["A", "D"])
        #expect(try members(.all, [SegmentCondition(.acquisitionChannel, .equal, .text("tiktok"))]).isEmpty)
    }

    @Test("a missing fact is false whatever the comparison")
    func missing() throws {
        #expect(try members(.all, [SegmentCondition(.daysSinceLastPurchase, .notEqual, .number(1))]) == ["A", "B", "D"])
        #expect(try members(.all, [SegmentCondition(.rfmRecency, .greaterOrEqual, .number(1))]) == ["A", "B", "D"])
    }

    @Test("all and any; the empty rule")
    func combination() throws {
        let orders = SegmentCondition(.orders, .greaterOrEqual, .number(3))
        let meta = SegmentCondition(.acquisitionChannel, .equal, .text("meta_ads"))
        #expect(try members(.all, [orders, meta]).isEmpty)
        #expect(try members(.any, [orders, meta]) == ["A", "B"])
        #expect(try members(.all, []) == ["A", "B", "C", "D"])
        #expect(try members(.any, []).isEmpty)
    }

    @Test("the brief's example: orders ≥ 3, last order over 60 days ago, RFM segment At Risk")
    func example() throws {
        let rule = SegmentRule(.all, [
            SegmentCondition(.orders, .greaterOrEqual, .number(3)),
            SegmentCondition(.daysSinceLastPurchase, .greater, .number(60)),
            SegmentCondition(.rfmSegment, .equal, .text("At Risk")),
        ])
        let profile = try #require(snapshot.profile(customerExternalID: "A"))
        let expected = profile.rfmSegment == .atRisk ? ["A"] : []
        #expect(try snapshot.members(of: .rule(rule)) == expected)
        #expect(try snapshot.members(of: .rfm(profile.rfmSegment!)).contains("A"))
    }

    @Test("validation names the condition and the problem")
    func validation() {
        #expect(throws: SegmentRuleError.self) {
            try SegmentRule(.all, [SegmentCondition(.orders, .equal, .text("three"))]).validate()
        }
        #expect(throws: SegmentRuleError.self) {
            try SegmentRule(.all, [SegmentCondition(.acquisitionChannel, .less, .text("x"))]).validate()
        }
        #expect(throws: SegmentRuleError.self) {
            try SegmentRule(.all, [SegmentCondition(.rfmSegment, .equal, .text("Sleepy"))]).validate()
        }
        do {
            try SegmentRule(.all, [SegmentCondition(.orders, .greater, .number(1)), SegmentCondition(.vip, .equal, .number(1))])
                .validate()
            Issue.record("expected an error")
        } catch {
            #expect(error.condition == 1 && error.description.contains("condition 2"))
        }
        #expect(throws: SegmentRuleError.self) { try snapshot.members(of: .saved("nope")) }
    }

    @Test("rules encode as plain JSON and decode back")
    func codable() throws {
        let rule = SegmentRule(.any, [
            SegmentCondition(.orders, .greaterOrEqual, .number(3)), SegmentCondition(.rfmSegment, .equal, .text("At Risk")),
            SegmentCondition(.vip, .equal, .flag(true)),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(SavedSegment(name: "win-back", rule: rule)), as: UTF8.self)
        #expect(json.contains(#"{"comparison":">=","field":"orders","value":3}"#))
        #expect(json.contains(#""value":"At Risk""#) && json.contains(#""value":true"#))
        #expect(try JSONDecoder().decode(SavedSegment.self, from: Data(json.utf8)).rule == rule)
    }
}

@Suite("Customer filters encode as plain JSON")
struct CustomerFilterCodingTests {
    @Test("every kind round-trips", arguments: [
        CustomerFilter.all, .lifecycle(.lapsing), .rfm(.atRisk), .vip, .saved("win-back"),
        .rule(SegmentRule(.all, [SegmentCondition(.orders, .greaterOrEqual, .number(3))])),
    ])
    func roundTrip(filter: CustomerFilter) throws {
        let data = try JSONEncoder().encode(filter)
        #expect(try JSONDecoder().decode(CustomerFilter.self, from: data) == filter)
    }

    @Test("the JSON names the kind")
    func shape() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(CustomerFilter.rfm(.atRisk)), as: UTF8.self) == #"{"kind":"rfm","value":"at_risk"}"#)
    }
}
