import Foundation
import Testing

@testable import FlywheelFlows

@Suite("Flow files: snake_case JSON that round-trips")
struct FlowDefinitionCodableTests {
    typealias S = FlowsTestSupport

    @Test("every step kind and wait kind survives encode → decode")
    func roundTrip() throws {
        let definition = S.flow(
            trigger: EventPattern(event: .orderPlaced, filters: [.compare(.event(.orderNumber), .eq, .int(2))]),
            reentry: .oncePer(days: 30), holdoutPercent: 2.5, winBack: true,
            steps: [
                FlowStep(id: "w1", kind: .wait(.duration(.hours(2))), next: "w2"),
                FlowStep(id: "w2", kind: .wait(.untilTime(TimeOfDay(hour: 10, minute: 0)!, zone: .shop)), next: "w3"),
                FlowStep(
                    id: "w3",
                    kind: .wait(
                        .untilDate(
                            DateWait(field: .expectedDelivery, offset: .days(-1), at: TimeOfDay(hour: 9, minute: 30)))),
                    next: "w4"),
                FlowStep(
                    id: "w4",
                    kind: .wait(.untilEvent(EventWait(event: .messageAnswered, timeout: .days(7), onTimeout: "tag"))),
                    next: "cond"),
                FlowStep(
                    id: "cond",
                    kind: .condition(
                        .any([.not(.compare(.tags, .contains, .string("vip"))), .compare(.pAlive, .lt, .double(0.3))]),
                        then: "ab", else: "tag")),
                FlowStep(
                    id: "ab",
                    kind: .split([
                        SplitVariant(variant: "a", weight: 1, next: "mail"),
                        SplitVariant(variant: "b", weight: 3, next: "sms"),
                    ])),
                FlowStep(id: "mail", kind: S.email("t1"), next: "points"),
                FlowStep(
                    id: "sms", kind: .send(MessageSpec(channel: .sms, template: "t2", messageClass: .marketing)),
                    next: "points"),
                FlowStep(id: "points", kind: .givePoints(PointsSpec(points: 10, reason: "r")), next: "coupon"),
                FlowStep(
                    id: "coupon",
                    kind: .issueCoupon(CouponSpec(amountOffMinor: 500, currency: "EUR", validFor: .days(14))),
                    next: "ticket"),
                FlowStep(id: "ticket", kind: .openTicket(TicketSpec(topic: "t", priority: .high)), next: "hook"),
                FlowStep(
                    id: "hook", kind: .callWebhook(WebhookSpec(url: "https://example.com/h", event: "e")), next: "tag"),
                FlowStep(id: "tag", kind: .tagCustomer("done")),
            ],
            goals: [EventPattern(event: .orderPlaced)])
        #expect(definition.problems().isEmpty)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(definition)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""message_class":"marketing""#))
        #expect(text.contains(#""until_event":{"event":"message_answered","on_timeout":"tag","timeout":"P7D"}"#))
        #expect(try JSONDecoder().decode(FlowDefinition.self, from: data) == definition)
        guard case .success(let parsed) = FlowDocument.parse(data, name: "x") else {
            Issue.record("the encoded file does not parse")
            return
        }
        #expect(parsed == definition)
    }

    @Test("strict decoding refuses an unknown key")
    func strictUnknownKey() {
        let json =
            #"{"id": "f", "name": "F", "version": 1, "message_class": "service", "trigger": {"event": "birthday"}, "steps": [], "colour": 1}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(FlowDefinition.self, from: Data(json.utf8)) }
    }

    @Test("defaults: priority 50, not-while-active re-entry, no holdout, de and en")
    func defaults() throws {
        let json =
            #"{"id": "f", "name": "F", "version": 1, "message_class": "service", "trigger": {"event": "birthday"}, "steps": [{"id": "t", "tag_customer": {"tag": "x"}}]}"#
        let definition = try JSONDecoder().decode(FlowDefinition.self, from: Data(json.utf8))
        #expect(definition.priority == 50)
        #expect(definition.reentry == .notWhileActive)
        #expect(definition.holdoutPercent == 0)
        #expect(definition.locales == [.de, .en])
    }
}
