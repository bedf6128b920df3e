import FlywheelCore
import Foundation
import Testing

@testable import FlywheelFlows

@Suite("FlowMatcher: event + facts → which flows enter")
struct FlowMatcherTests {
    typealias S = FlowsTestSupport

    private let now = S.utcInstant(2026, 4, 1, 12)

    private func matcher() throws -> FlowMatcher {
        let tag = [FlowStep(id: "t", kind: .tagCustomer("x"))]
        return FlowMatcher(programs: [
            try S.program(
                S.flow(
                    id: "first_order",
                    trigger: EventPattern(event: .orderPlaced, filters: [.compare(.event(.orderNumber), .eq, .int(1))]),
                    reentry: .everyTime, steps: tag)),
            try S.program(
                S.flow(
                    id: "third_order",
                    trigger: EventPattern(event: .orderPlaced, filters: [.compare(.event(.orderNumber), .eq, .int(3))]),
                    reentry: .onceEver, steps: tag)),
            try S.program(
                S.flow(
                    id: "detractor",
                    trigger: EventPattern(
                        event: .surveyAnswered, filters: [.compare(.event(.npsBand), .eq, .string("detractor"))]),
                    steps: tag)),
            try S.program(
                S.flow(
                    id: "lapse_high",
                    trigger: EventPattern(event: .lapsed, filters: [.compare(.predictedValue, .gte, .int(10_000))]),
                    reentry: .oncePer(days: 90), steps: tag)),
        ])
    }

    @Test("first and Nth order by the event's order number")
    func nthOrder() throws {
        let m = try matcher()
        #expect(
            m.entries(for: S.placed(order: "a", number: 1, at: now), facts: S.consenting(), history: EntryHistory())
                .map(\.id) == ["first_order"])
        #expect(
            m.entries(for: S.placed(order: "c", number: 3, at: now), facts: S.consenting(), history: EntryHistory())
                .map(\.id) == ["third_order"])
        #expect(
            m.entries(for: S.placed(order: "b", number: 2, at: now), facts: S.consenting(), history: EntryHistory())
                .isEmpty)
        let refused = m.decisions(
            for: S.placed(order: "b", number: 2, at: now), facts: S.consenting(), history: EntryHistory())
        #expect(refused.count == 2)
    }

    @Test("survey answers enter by NPS band")
    func npsBand() throws {
        let m = try matcher()
        let low = FlowEvent(
            customerID: "c", occurredAt: now,
            trigger: .surveyAnswered(answerID: "s", score: 4, band: NPSBand(score: 4)!))
        let high = FlowEvent(
            customerID: "c", occurredAt: now,
            trigger: .surveyAnswered(answerID: "s", score: 9, band: NPSBand(score: 9)!))
        #expect(m.entries(for: low, facts: S.consenting(), history: EntryHistory()).map(\.id) == ["detractor"])
        #expect(m.entries(for: high, facts: S.consenting(), history: EntryHistory()).isEmpty)
        #expect(NPSBand(score: 7) == .passive)
        #expect(NPSBand(score: 11) == nil)
    }

    @Test("entry filters read customer facts (predicted value)")
    func factsFilter() throws {
        let m = try matcher()
        let lapse = FlowEvent(customerID: "c", occurredAt: now, trigger: .lapsed(.pAlive))
        #expect(
            m.entries(for: lapse, facts: S.consenting { $0.predictedValueMinor = 20_000 }, history: EntryHistory()).map(
                \.id) == ["lapse_high"])
        #expect(m.decisions(for: lapse, facts: S.consenting(), history: EntryHistory()).map(refusal) == [.filter(0)])
    }

    @Test("re-entry: every time, once ever, once per N days, not while active")
    func reentry() throws {
        let m = try matcher()
        let earlier = now.addingTimeInterval(-30 * 86_400)
        let history = EntryHistory(
            lastEntry: ["first_order": earlier, "third_order": earlier, "lapse_high": earlier, "detractor": earlier],
            active: ["first_order"])
        #expect(
            m.entries(for: S.placed(order: "a", number: 1, at: now), facts: S.consenting(), history: history).map(\.id)
                == ["first_order"], "every_time ignores an active enrolment")
        #expect(
            m.decisions(for: S.placed(order: "c", number: 3, at: now), facts: S.consenting(), history: history).map(
                refusal) == [.filter(0), .enteredBefore(earlier)])
        let lapse = FlowEvent(customerID: "c", occurredAt: now, trigger: .lapsed(.window))
        let rich = S.consenting { $0.predictedValueMinor = 50_000 }
        #expect(
            m.decisions(for: lapse, facts: rich, history: history).map(refusal) == [
                .tooSoon(lastEntry: earlier, days: 90)
            ])
        let longAgo = EntryHistory(lastEntry: ["lapse_high": now.addingTimeInterval(-91 * 86_400)])
        #expect(m.entries(for: lapse, facts: rich, history: longAgo).map(\.id) == ["lapse_high"])
        let survey = FlowEvent(
            customerID: "c", occurredAt: now, trigger: .surveyAnswered(answerID: "s", score: 2, band: .detractor))
        #expect(
            m.decisions(for: survey, facts: S.consenting(), history: EntryHistory(active: ["detractor"])).map(refusal)
                == [.alreadyActive])
        #expect(
            m.entries(for: survey, facts: S.consenting(), history: history).map(\.id) == ["detractor"],
            "not active any more")
    }

    @Test("every trigger kind's attributes are readable from its event")
    func attributes() {
        let eur = CurrencyCode.eur
        let events: [TriggerEvent] = [
            .orderPlaced(orderID: "o", number: 2, total: Money(minorUnits: 100, currency: eur)),
            .orderPaid(orderID: "o"),
            .orderShipped(orderID: "o"), .expectedDeliveryReached(orderID: "o"), .orderDelivered(orderID: "o"),
            .shipmentLate(orderID: "o", daysLate: 2),
            .orderRefunded(orderID: "o", amount: Money(minorUnits: 5, currency: eur), full: false),
            .reviewLeft(reviewID: "r", rating: 5), .surveyAnswered(answerID: "s", score: 3, band: .detractor),
            .lapsed(.window),
            .vipReached(rankPercent: 5), .tierChanged(from: "silver", to: "gold"),
            .pointsExpiring(points: 80, on: CivilDate(year: 2026, month: 5, day: 1)!),
            .birthday, .firstOrderAnniversary(years: 2),
            .cartAbandoned(cartID: "k", value: Money(minorUnits: 9, currency: eur)),
            .replenishmentDue(sku: "S1"), .segmentSend(segment: "all", campaign: "launch"),
            .messageAnswered(orderID: "o", answer: "no"),
        ]
        #expect(Set(events.map(\.kind)) == Set(TriggerKind.allCases))
        for event in events {
            for attribute in event.kind.attributes {
                #expect(event.value(of: attribute) != nil, "\(event.kind) \(attribute)")
            }
        }
    }

    private func refusal(_ decision: EntryDecision) -> EntryRefusal? {
        if case .refused(_, let why) = decision { return why }
        return nil
    }
}
