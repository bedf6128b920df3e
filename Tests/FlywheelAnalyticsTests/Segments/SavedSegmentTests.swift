import FlywheelAnalytics
import FlywheelCore
import Foundation
import Testing

@Suite("Saved segments are kept current as orders arrive")
struct SavedSegmentTests {
    let now = TestShop.instant("2025-03-20T12:00:00Z")
    let repeaters = SavedSegment(name: "repeaters", rule: SegmentRule(.all, [SegmentCondition(.purchases, .greaterOrEqual, .number(2))]))

    @Test("saving evaluates everyone; an order moves its customer in, a refund moves it out")
    func kept() throws {
        var engine = TestShop.engine(HandShop.batch)
        #expect(try engine.saveSegment(repeaters, asOf: now) == ["A"])
        let joined = engine.apply(TestShop.order("n1", "D", "2025-03-19T10:00:00Z", 2_000), asOf: now)
        #expect(joined.customers.map(\.customerID) == ["D"])
        #expect(joined.customers[0].enteredSegments == ["repeaters"] && joined.customers[0].stageBefore == .new)
        #expect(joined.customers[0].stageAfter == .active)
        #expect(engine.members(ofSaved: "repeaters") == ["A", "D"])
        let left = engine.apply(TestShop.refund("nr", order: "n1", "2025-03-20T10:00:00Z", 2_000), asOf: now)
        #expect(left.customers[0].leftSegments == ["repeaters"])
        #expect(engine.members(ofSaved: "repeaters") == ["A"])
        #expect(engine.profile(customerExternalID: "A", asOf: now)?.savedSegments == ["repeaters"])
    }

    @Test("a new customer's first order is evaluated too")
    func newCustomer() throws {
        var engine = TestShop.engine(HandShop.batch)
        let everyone = SavedSegment(name: "buyers", rule: SegmentRule(.all, [SegmentCondition(.orders, .greaterOrEqual, .number(1))]))
        try engine.saveSegment(everyone, asOf: now)
        let change = engine.apply(TestShop.order("z", "Z", "2025-03-19T10:00:00Z", 500), asOf: now)
        #expect(change.customers == [
            CustomerChange(
                customerID: "Z", stageBefore: .prospect, stageAfter: .new, rfmSegmentBefore: nil,
                rfmSegmentAfter: change.customers[0].rfmSegmentAfter, vipBefore: false,
                vipAfter: change.customers[0].vipAfter, enteredSegments: ["buyers"], leftSegments: [])
        ])
        #expect(engine.members(ofSaved: "buyers") == ["A", "B", "D", "Z"])
    }

    @Test("refresh re-evaluates what time alone changes")
    func refresh() throws {
        var engine = TestShop.engine(HandShop.batch)
        let lapsing = SavedSegment(name: "lapsing", rule: SegmentRule(.all, [SegmentCondition(.lifecycleStage, .equal, .text("lapsing"))]))
        #expect(try engine.saveSegment(lapsing, asOf: now).isEmpty)
        let changes = engine.refreshSegments(asOf: TestShop.instant("2025-04-20T12:00:00Z"))
        #expect(changes == [SegmentMembershipChange(segment: "lapsing", entered: ["A", "B", "D"], left: [])])
        #expect(engine.removeSegment(named: "lapsing") && engine.members(ofSaved: "lapsing") == nil)
    }

    @Test("an invalid rule is refused")
    func invalid() {
        var engine = TestShop.engine(HandShop.batch)
        let bad = SavedSegment(name: "bad", rule: SegmentRule(.all, [SegmentCondition(.orders, .equal, .flag(true))]))
        #expect(throws: SegmentRuleError.self) { try engine.saveSegment(bad, asOf: now) }
        #expect(engine.savedSegments.isEmpty)
    }
}
