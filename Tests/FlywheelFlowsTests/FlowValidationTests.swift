import Foundation
import Testing

@testable import FlywheelFlows

@Suite("Flow validation: every problem, named by step and key")
struct FlowValidationTests {
    typealias S = FlowsTestSupport

    private func problems(_ json: String, catalogue: TemplateCatalogue? = nil) -> [String] {
        switch FlowDocument.parse(Data(json.utf8), name: "test.json", catalogue: catalogue) {
        case .success: return []
        case .failure(let error): return error.problems.map(\.description)
        }
    }

    @Test("a non-positive until_event timeout is named with its step index, id and key")
    func timeoutMustBePositive() {
        let found = problems(
            """
            {"id": "f", "name": "F", "version": 1, "message_class": "marketing", "trigger": {"event": "order_delivered"},
             "steps": [
               {"id": "a", "wait": {"for": "P1D"}, "next": "b"},
               {"id": "b", "wait": {"for": "P1D"}, "next": "c"},
               {"id": "c", "wait": {"for": "P1D"}, "next": "wait_review"},
               {"id": "wait_review", "wait": {"until_event": {"event": "review_left", "timeout": "-P1D"}}}
             ]}
            """)
        #expect(found == [#"steps[3] "wait_review": wait.until_event.timeout: must be positive"#])
    }

    @Test("decoding problems in several steps and the header are all reported at once")
    func collectsDecodingProblems() {
        let found = problems(
            """
            {"id": "f", "name": "F", "version": "one", "message_class": "marketing", "trigger": {"event": "order_delivered"},
             "steps": [
               {"id": "a", "wait": {"for": "3 days"}, "next": "b"},
               {"id": "b", "wait": {"until_event": {"event": "review_left", "timout": "P1D"}}},
               {"id": "c", "send_email": {"template": "x"}, "give_points": {"points": 1, "reason": "r"}},
               {"id": "d", "tag_customer": {"tag": "vip"}, "colour": "red"}
             ]}
            """)
        #expect(found.count == 5)
        #expect(found.contains("version: expected a whole number"))
        #expect(found.contains { $0.hasPrefix(#"steps[0] "a": wait.for: expected an ISO 8601 duration"#) })
        #expect(found.contains { $0.hasPrefix(#"steps[1] "b": wait.until_event.timout: unknown key"#) })
        #expect(found.contains { $0.hasPrefix(#"steps[2] "c": a step does one thing"#) })
        #expect(found.contains { $0.hasPrefix(#"steps[3] "d": colour: unknown key"#) })
    }

    @Test("unknown step references, unreachable steps and duplicate ids")
    func references() {
        let definition = S.flow(steps: [
            FlowStep(id: "start", kind: .wait(.duration(.days(1))), next: "missing"),
            FlowStep(id: "orphan", kind: .tagCustomer("x")),
            FlowStep(id: "orphan", kind: .tagCustomer("y")),
        ])
        let found = definition.problems().map(\.description)
        #expect(found.contains(#"steps[0] "start": next: unknown step "missing""#))
        #expect(found.contains(#"steps[2] "orphan": id: duplicate; steps[1] has the same id"#))
        #expect(found.contains(#"steps[1] "orphan": id: unreachable from the first step "start""#))
    }

    @Test("a loop without a wait is refused; the same loop through a wait is fine")
    func loops() {
        let tight = S.flow(steps: [
            FlowStep(id: "a", kind: .tagCustomer("x"), next: "b"),
            FlowStep(id: "b", kind: .condition(.compare(.orderCount, .gte, .int(1)), then: "a", else: nil)),
        ])
        #expect(tight.problems().map(\.description) == [#"steps[0] "a": next: loop without a wait: "a" → "b" → "a""#])
        let paced = S.flow(steps: [
            FlowStep(id: "a", kind: .wait(.duration(.days(30))), next: "b"),
            FlowStep(id: "b", kind: .condition(.compare(.orderCount, .gte, .int(1)), then: "a", else: nil)),
        ])
        #expect(paced.problems().isEmpty)
    }

    @Test("templates missing for a locale in the catalogue are named per locale")
    func missingTemplates() {
        var catalogue = TemplateCatalogue()
        catalogue.add("thanks", channel: .email, locales: [.de])
        let definition = S.flow(steps: [FlowStep(id: "send", kind: S.email("thanks"))])
        #expect(
            definition.problems(catalogue: catalogue).map(\.description) == [
                #"steps[0] "send": send_email.template: template "thanks" has no email version for locale en"#
            ])
        #expect(definition.problems().isEmpty)
    }

    @Test("subjects are required per locale of the flow")
    func subjects() {
        let spec = MessageSpec(channel: .email, template: "t", subject: ["de": "Hallo", "fr": "Salut"])
        let definition = S.flow(steps: [FlowStep(id: "send", kind: .send(spec))])
        #expect(
            definition.problems().map(\.description) == [
                #"steps[0] "send": send_email.subject.fr: unknown locale; use de or en"#,
                #"steps[0] "send": send_email.subject.en: missing subject for locale en"#,
            ])
    }

    @Test("a review request must be marketing (BGH VI ZR 225/17), even in a transactional flow")
    func feedbackIsMarketing() {
        let definition = S.flow(
            messageClass: .transactional, steps: [FlowStep(id: "ask", kind: S.email("review_request", feedback: true))])
        let found = definition.problems().map(\.description)
        #expect(found.count == 1)
        #expect(
            found[0].hasPrefix(
                #"steps[0] "ask": send_email.message_class: a review or satisfaction request is advertising"#))
        let fixed = S.flow(
            messageClass: .transactional,
            steps: [FlowStep(id: "ask", kind: S.email("review_request", class: .marketing, feedback: true))])
        #expect(fixed.problems().isEmpty)
    }

    @Test("flow-level rules: holdout of a transactional flow, ranges, identifiers")
    func header() {
        var definition = S.flow(
            messageClass: .transactional, holdoutPercent: 10, steps: [FlowStep(id: "a", kind: .tagCustomer("x"))])
        definition.id = "Bad Id"
        definition.priority = 101
        definition.reentry = .oncePer(days: 0)
        let found = definition.problems().map(\.description)
        #expect(
            found.contains("holdout_percent: must be 0 for a transactional flow: its messages are owed to the customer")
        )
        #expect(found.contains("id: must be 1–64 characters of a–z, 0–9 and _"))
        #expect(found.contains("priority: must be 0…100"))
        #expect(found.contains("reentry.days: must be 1 or more"))
    }

    @Test("conditions: event attributes must belong to the event, operators need fitting values")
    func conditions() {
        let definition = S.flow(
            trigger: EventPattern(event: .orderDelivered, filters: [.compare(.event(.orderNumber), .eq, .int(1))]),
            steps: [
                FlowStep(
                    id: "split",
                    kind: .condition(
                        .all([.compare(.orderCount, .gt, .string("many")), .compare(.tier, .in, .string("gold"))]),
                        then: nil, else: nil))
            ])
        #expect(
            definition.problems().map(\.description) == [
                "trigger.filters[0].fact: event.order_number is not carried by order_delivered",
                #"steps[0] "split": condition.all[0].value: gt needs a number"#,
                #"steps[0] "split": condition.all[1].value: in needs a list"#,
                #"steps[0] "split": then: a condition needs then or else"#,
            ])
    }

    @Test("splits need two variants with positive weights; coupons one kind of discount")
    func splitsAndCoupons() {
        let definition = S.flow(steps: [
            FlowStep(id: "ab", kind: .split([SplitVariant(variant: "a", weight: 0, next: "coupon")])),
            FlowStep(
                id: "coupon", kind: .issueCoupon(CouponSpec(percentOff: 10, amountOffMinor: 500, validFor: .days(7)))),
        ])
        #expect(
            definition.problems().map(\.description) == [
                #"steps[0] "ab": split: needs at least two variants"#,
                #"steps[0] "ab": split[0].weight: must be positive"#,
                #"steps[1] "coupon": issue_coupon: needs exactly one of percent_off and amount_off_minor"#,
            ])
    }

    @Test("FlowProgram refuses an invalid definition with the full list")
    func programValidates() {
        let definition = S.flow(steps: [FlowStep(id: "w", kind: .wait(.duration(FlowDuration(seconds: 0))))])
        #expect(throws: FlowValidationError.self) { try FlowProgram(definition) }
        do {
            _ = try FlowProgram(definition)
        } catch {
            #expect(
                error.description == "flow test_flow v1 has 1 problem:\n  steps[0] \"w\": wait.for: must be positive")
        }
    }
}

@Suite("FlowDocument: files that are not flows at all")
struct FlowDocumentTests {
    @Test("text that is not JSON is one problem naming the file")
    func notJSON() {
        guard case .failure(let error) = FlowDocument.parse(Data("{nope".utf8), name: "broken.json") else {
            Issue.record("parsed")
            return
        }
        #expect(error.flow == "broken.json")
        #expect(error.problems.count == 1)
    }

    @Test("unknown keys inside effect bodies are refused too")
    func unknownEffectKey() {
        let json = """
            {"id": "f", "name": "F", "version": 1, "message_class": "marketing", "trigger": {"event": "birthday"},
             "steps": [{"id": "c", "issue_coupon": {"percent_of": 10, "valid_for": "P7D"}}]}
            """
        guard case .failure(let error) = FlowDocument.parse(Data(json.utf8), name: "f.json") else {
            Issue.record("parsed")
            return
        }
        #expect(error.flow == "f v1")
        #expect(error.problems.map(\.step) == [#"steps[0] "c""#])
        #expect(error.problems.first?.key == "issue_coupon.percent_of")
    }
}
