import FlywheelAnalytics
import FlywheelCore
import Foundation
import Testing

@Suite("Saved segments as the store keeps them: rule JSON, names, saved:NAME")
struct SavedSegmentStoredTests {
    let at = Date(timeIntervalSince1970: 1_795_000_000)

    @Test("a segment round-trips through its stored record; a broken or invalid stored rule is refused")
    func roundTrip() throws {
        let segment = SavedSegment(
            name: "big-spenders",
            rule: SegmentRule(.any, [
                SegmentCondition(.netSpent, .greaterOrEqual, .number(50_000)), SegmentCondition(.vip, .equal, .flag(true)),
                SegmentCondition(.rfmSegment, .equal, .text("At Risk")),
            ]))
        let stored = segment.stored(at: at, by: "owner")
        #expect(stored.name == "big-spenders" && stored.createdAt == at && stored.updatedAt == at && stored.updatedBy == "owner")
        #expect(stored.definition.contains(#""match":"any""#))
        #expect(try SavedSegment(stored) == segment)

        var broken = stored
        broken.definition = "{not json"
        #expect(throws: SegmentRuleError.self) { try SavedSegment(broken) }
        var invalid = stored
        invalid.definition = #"{"match":"all","conditions":[{"field":"vip","comparison":">","value":true}]}"#
        let error = #expect(throws: SegmentRuleError.self) { try SavedSegment(invalid) }
        #expect(error?.condition == 0 && error?.reason == "vip can only be compared with = or !=")
    }

    @Test("names: URL-safe characters, never a built-in segment's name")
    func names() throws {
        try SavedSegment.validate(name: "win-back_2026.v1")
        for bad in ["", "a b", "saved:x", String(repeating: "x", count: 65), "vip", "all", "lapsing", "at_risk", "At-Risk", "loyal", "new"] {
            #expect(throws: SegmentRuleError.self, "\(bad)") { try SavedSegment.validate(name: bad) }
        }
    }

    @Test("saved:NAME names a saved segment; a bare unknown name is no segment")
    func savedFilter() throws {
        #expect(try CustomerFilter(segmentName: "saved:win-back") == .saved("win-back"))
        #expect(throws: SegmentRuleError.self) { try CustomerFilter(segmentName: "saved:") }
        #expect(throws: SegmentRuleError.self) { try CustomerFilter(segmentName: "win-back") }
    }
}
