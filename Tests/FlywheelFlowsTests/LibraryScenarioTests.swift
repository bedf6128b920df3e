import FlywheelCore
import Foundation
import Testing

@testable import FlywheelFlows

/// The "done when", in the pure domain: the post-purchase library switched on, an order placed and
/// delivered, the standard manners, a consenting and an unsubscribed customer.
@Suite("The post-purchase library end to end: matcher → enrolments → actions over time")
struct LibraryScenarioTests {
    typealias S = FlowsTestSupport

    private func library() throws -> FlowLibrary {
        var library = FlowLibrary()
        for name in ["order_confirmation", "delivery_check_in", "review_request"] {
            let url = S.examplesFolder.appendingPathComponent("\(name).json")
            let definition = try FlowDocument.parse(Data(contentsOf: url), name: name, catalogue: S.libraryCatalogue)
                .get()
            try library.publish(FlowProgram(definition, catalogue: S.libraryCatalogue))
        }
        return library
    }

    /// Enters every flow the event starts and advances each at once; then advances due enrolments at `times`.
    private func run(customer: String, facts: CustomerFacts, policy: ContactPolicy) throws -> (
        sends: [OutgoingMessage], skips: [String: [SkipReason]]
    ) {
        let library = try library()
        let matcher = library.matcher()
        var enrolments: [Enrolment] = []
        var sends: [OutgoingMessage] = []
        var skips: [String: [SkipReason]] = [:]
        func record(_ actions: [FlowAction], _ flow: String) {
            sends += S.sends(actions)
            skips[flow, default: []] += S.skips(actions)
        }
        func enter(_ event: FlowEvent) {
            for program in matcher.entries(for: event, facts: facts, history: EntryHistory()) {
                var enrolment = Enrolment(id: "\(program.id)-\(enrolments.count)", program: program, entry: event)
                record(enrolment.advance(in: program, now: event.occurredAt, facts: facts, policy: policy), program.id)
                enrolments.append(enrolment)
            }
        }
        // Ordered late in the evening (quiet hours do not hold back the confirmation), delivered two days later.
        enter(S.placed(customer, order: "o1", number: 1, at: S.berlinInstant(2026, 6, 1, 22, 30)))
        enter(S.delivered(customer, order: "o1", at: S.berlinInstant(2026, 6, 3, 14, 0)))
        // The scheduler: repeatedly advance whatever is due, in time order.
        for _ in 0..<20 {
            guard
                let next = enrolments.indices.filter({ enrolments[$0].dueAt != nil }).min(by: {
                    enrolments[$0].dueAt! < enrolments[$1].dueAt!
                })
            else { break }
            let due = enrolments[next].dueAt!
            let program = library.program(enrolments[next].flowID, version: enrolments[next].flowVersion)!
            // The customer answers "no" an hour before the timeout, if the check-in reached them at all.
            if program.id == "delivery_check_in", case .waitingForEvent = enrolments[next].state,
                sends.contains(where: { $0.template == "delivery_check_in" })
            {
                let answer = FlowEvent(
                    customerID: customer, occurredAt: due.addingTimeInterval(-3_600),
                    trigger: .messageAnswered(orderID: "o1", answer: "no"))
                record(
                    enrolments[next].handle(answer, in: program, now: answer.occurredAt, facts: facts, policy: policy),
                    program.id)
                continue
            }
            record(enrolments[next].advance(in: program, now: due, facts: facts, policy: policy), program.id)
        }
        #expect(enrolments.allSatisfy { $0.state.isFinished })
        return (sends, skips)
    }

    @Test(
        "a consenting customer: confirmation at once, check-in on day 2 at 10:00, ticket on \"no\", review on day 14 and its reminder"
    )
    func consenting() throws {
        let facts = S.consenting()
        let result = try run(customer: "anna", facts: facts, policy: .standard(shopTimeZone: S.berlin))
        #expect(
            result.sends.map(\.template) == [
                "order_confirmation", "delivery_check_in", "make_it_right_ack", "review_request", "review_reminder",
            ])
        #expect(
            result.sends.map(\.createdAt) == [
                S.berlinInstant(2026, 6, 1, 22, 30), S.berlinInstant(2026, 6, 6, 10, 0),
                S.berlinInstant(2026, 6, 13, 9, 0),
                S.berlinInstant(2026, 6, 18, 10, 0), S.berlinInstant(2026, 6, 23, 10, 0),
            ])
        #expect(result.sends.allSatisfy { $0.locale == .de })
        #expect(result.sends[0].subject == "Danke für Ihre Bestellung")
        #expect(result.sends[1].basis == .consent)
    }

    @Test("an unsubscribed customer gets the confirmation and nothing else; every skip names the suppression")
    func unsubscribed() throws {
        let facts = S.consenting { $0.contact.emailSuppression = .unsubscribed }
        let result = try run(customer: "ben", facts: facts, policy: .standard(shopTimeZone: S.berlin))
        #expect(result.sends.map(\.template) == ["order_confirmation"])
        #expect(
            result.skips["review_request"] == [.suppressed(.email, .unsubscribed), .suppressed(.email, .unsubscribed)])
        #expect(result.skips["delivery_check_in"] == [.suppressed(.email, .unsubscribed)])
    }
}
