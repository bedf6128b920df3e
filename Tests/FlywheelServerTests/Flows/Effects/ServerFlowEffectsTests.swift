import FlywheelAutomation
import FlywheelCore
import FlywheelFlows
import FlywheelServer
import Foundation
import Testing

/// What flows decided, done for real: sends rendered into the outbox, points, coupons, tags, tickets —
/// exactly once per key, and a customer who cannot be written to skipped on the timeline.
@Suite("Server flow effects")
struct ServerFlowEffectsTests {
    typealias Fixture = FlowEffectsFixture

    @Test("a batch sends one rendered German message and gives points, coupon, tag and ticket", arguments: Fixture.Engine.allCases)
    func batchDoesEverythingOnce(_ engine: Fixture.Engine) async throws {
        try await Fixture.with(engine) { shop in
            let row = try Fixture.enrolment("enr_1", customer: "c-1", order: "1001")
            let batch = [EnrolmentEffects(enrolment: row, actions: Fixture.actions(enrolment: "enr_1", customer: "c-1"))]
            let report = try await shop.effects.performReporting(batch)
            #expect(report.done == 5)
            #expect(report.skipped == 0)

            let messages = try await shop.outbox.outboxMessages(customerID: "c-1")
            try #require(messages.count == 1)
            let message = messages[0]
            #expect(message.recipient == "juergen@example.de")
            #expect(message.idempotencyKey == "enr_1/mail/5")
            #expect(message.locale == "de")
            #expect(message.content.subject == "Danke!")
            #expect(message.content.text.contains("Hallo Jürgen,"))
            #expect(message.content.html?.contains("Jürgen") == true)
            // Marketing: the signed one-click unsubscribe link (RFC 8058) and the objection notice.
            let unsubscribe = try #require(message.content.headers.first { $0.name == "List-Unsubscribe" }?.value)
            #expect(unsubscribe.hasPrefix("<https://flywheel.shop.example/c/unsubscribe?t="))
            #expect(message.content.headers.contains { $0.name == "List-Unsubscribe-Post" && $0.value == "List-Unsubscribe=One-Click" })
            #expect(message.content.text.contains("Abmelden: https://flywheel.shop.example/c/unsubscribe?t="))
            #expect(message.content.text.contains("jederzeit widersprechen"))

            // The coupon issued in the same round is the message's offer.
            let coupons = try await shop.store.issuedCoupons(customerID: "c-1")
            try #require(coupons.count == 1)
            #expect(coupons[0].code.hasPrefix("DANKE-"))
            #expect(coupons[0].percentOff == 10)
            #expect(coupons[0].enrolmentID == "enr_1")
            #expect(coupons[0].expiresAt == shop.now.addingTimeInterval(14 * 86_400))
            #expect(message.content.text.contains("10 % Rabatt auf Ihre nächste Bestellung – Ihr Code: \(coupons[0].code)"))

            #expect(try await shop.store.ledgerBalance(customer: "c-1").available == 50)
            #expect(try await shop.store.customerTags(customerID: "c-1").map(\.tag) == ["thanked"])
            let tickets = try await shop.store.supportTickets(customerID: "c-1")
            #expect(tickets.map(\.topic) == ["follow_up"])
            #expect(tickets.first?.priority == .high)
            #expect(tickets.first?.orderID == "1001")
        }
    }

    @Test("the same batch again enqueues nothing new and gives no second points, coupon, tag or ticket", arguments: Fixture.Engine.allCases)
    func repeatedBatchDoesNothingMore(_ engine: Fixture.Engine) async throws {
        try await Fixture.with(engine) { shop in
            let row = try Fixture.enrolment("enr_1", customer: "c-1", order: "1001")
            let batch = [EnrolmentEffects(enrolment: row, actions: Fixture.actions(enrolment: "enr_1", customer: "c-1"))]
            _ = try await shop.effects.performReporting(batch)
            let firstMessages = try await shop.outbox.outboxMessages(customerID: "c-1")
            let firstCoupons = try await shop.store.issuedCoupons(customerID: "c-1")

            // The scheduler crashed before storing the new state: the same actions come again.
            let again = try await shop.effects.performReporting(batch)
            #expect(again.done == 0)
            #expect(again.repeated == 5)
            #expect(try await shop.outbox.outboxMessages(customerID: "c-1") == firstMessages)
            #expect(try await shop.store.issuedCoupons(customerID: "c-1") == firstCoupons)
            #expect(try await shop.store.ledgerBalance(customer: "c-1").available == 50)
            #expect(try await shop.store.customerTags(customerID: "c-1").count == 1)
            #expect(try await shop.store.supportTickets(customerID: "c-1").count == 1)

            // A later visit of the steps (a new key) does give again.
            let later = [
                EnrolmentEffects(
                    enrolment: row,
                    actions: [.givePoints(points: 50, reason: "thanks", key: "enr_1/points/9")])
            ]
            #expect(try await shop.effects.performReporting(later).done == 1)
            #expect(try await shop.store.ledgerBalance(customer: "c-1").available == 100)
        }
    }

    @Test("a customer without an address is skipped with a timeline entry; the batch goes on", arguments: Fixture.Engine.allCases)
    func customerWithoutAddressSkipped(_ engine: Fixture.Engine) async throws {
        try await Fixture.with(engine) { shop in
            let batch = [
                EnrolmentEffects(
                    enrolment: try Fixture.enrolment("enr_2", customer: "c-2", order: "1002"),
                    actions: [.send(Fixture.message(key: "enr_2/mail/5", customer: "c-2"))]),
                EnrolmentEffects(
                    enrolment: try Fixture.enrolment("enr_9", customer: "c-gone", order: "1009"),
                    actions: [.send(Fixture.message(key: "enr_9/mail/5", customer: "c-gone"))]),
                EnrolmentEffects(
                    enrolment: try Fixture.enrolment("enr_1", customer: "c-1", order: "1001"),
                    actions: [.send(Fixture.message(key: "enr_1/mail/5", customer: "c-1"))]),
            ]
            let report = try await shop.effects.performReporting(batch)
            #expect(report.skipped == 2)
            #expect(report.done == 1)
            #expect(try await shop.outbox.outboxMessages(customerID: "c-2").isEmpty)
            #expect(try await shop.outbox.outboxMessages(customerID: "c-1").count == 1)

            let timeline = try await shop.store.timeline(customerID: "c-2", before: nil, limit: 10).entries
            try #require(timeline.count == 1)
            #expect(timeline[0].kind == .skipped)
            #expect(timeline[0].flowID == "effects_test")
            #expect(timeline[0].enrolmentID == "enr_2")
            #expect(timeline[0].stepID == "mail")
            #expect(timeline[0].messageID == "enr_2/mail/5")
            #expect(timeline[0].detail == "email not delivered: no e-mail address")
            let gone = try await shop.store.timeline(customerID: "c-gone", before: nil, limit: 10).entries
            #expect(gone.map(\.detail) == ["email not delivered: the customer is not stored (erased, or not imported yet)"])

            // Repeated, the skip is written once (its key is the send's).
            _ = try await shop.effects.performReporting(batch)
            #expect(try await shop.store.timeline(customerID: "c-2", before: nil, limit: 10).entries.count == 1)
        }
    }

    @Test("a template that does not render skips its message only", arguments: Fixture.Engine.allCases)
    func badTemplateDoesNotStopOthers(_ engine: Fixture.Engine) async throws {
        try await Fixture.with(engine) { shop in
            let row = try Fixture.enrolment("enr_1", customer: "c-1", order: "1001")
            let batch = [
                EnrolmentEffects(
                    enrolment: row,
                    actions: [
                        .send(Fixture.message(key: "enr_1/bad/1", customer: "c-1", template: "no_such_template")),
                        .tagCustomer("after_bad", key: "enr_1/tag/2"),
                        .send(Fixture.message(key: "enr_1/mail/3", customer: "c-1", template: "order_confirmation", messageClass: .transactional)),
                    ])
            ]
            let report = try await shop.effects.performReporting(batch)
            #expect(report.skipped == 1)
            #expect(report.done == 2)
            let messages = try await shop.outbox.outboxMessages(customerID: "c-1")
            #expect(messages.map(\.idempotencyKey) == ["enr_1/mail/3"])
            // Transactional: no unsubscribe link or header; the order with its lines is in it.
            #expect(messages.first?.content.headers.isEmpty == true)
            #expect(messages.first?.content.text.contains("Abmelden") == false)
            #expect(messages.first?.content.text.contains("Espresso-Bohnen 1 kg") == true)
            #expect(try await shop.store.customerTags(customerID: "c-1").map(\.tag) == ["after_bad"])
            let skipped = try await shop.store.timeline(customerID: "c-1", before: nil, limit: 10).entries.filter { $0.kind == .skipped }
            #expect(skipped.count == 1)
            #expect(skipped.first?.detail?.contains("template no_such_template (de) does not render") == true)
        }
    }

    @Test("an unsubscribed address gets no marketing, but transactional mail", arguments: Fixture.Engine.allCases)
    func suppressedAddressGetsNoMarketing(_ engine: Fixture.Engine) async throws {
        try await Fixture.with(engine) { shop in
            _ = try await shop.store.suppress(
                SuppressionEntry(
                    channel: .email, addressHash: AddressDigest.of("juergen@example.de", channel: .email),
                    address: "juergen@example.de", cause: .unsubscribed, source: .unsubscribeLink, suppressedAt: shop.now))
            let row = try Fixture.enrolment("enr_1", customer: "c-1", order: "1001")
            let report = try await shop.effects.performReporting([
                EnrolmentEffects(
                    enrolment: row,
                    actions: [
                        .send(Fixture.message(key: "enr_1/mail/1", customer: "c-1")),
                        .send(Fixture.message(key: "enr_1/mail/2", customer: "c-1", template: "order_confirmation", messageClass: .transactional)),
                    ])
            ])
            #expect(report.skipped == 1)
            #expect(try await shop.outbox.outboxMessages(customerID: "c-1").map(\.idempotencyKey) == ["enr_1/mail/2"])
        }
    }

    @Test("without a loyalty programme, points are skipped with a reason and the rest is done")
    func noProgrammeSkipsPoints() async throws {
        try await Fixture.with(.memory, programme: false) { shop in
            let row = try Fixture.enrolment("enr_1", customer: "c-1", order: "1001")
            let report = try await shop.effects.performReporting([
                EnrolmentEffects(enrolment: row, actions: Fixture.actions(enrolment: "enr_1", customer: "c-1"))
            ])
            #expect(report.skipped == 1)
            #expect(report.done == 4)
            #expect(report.reasons == ["enr_1/points/1: 50 points not given: no loyalty programme runs"])
            #expect(try await shop.store.ledgerBalance(customer: "c-1").available == 0)
        }
    }

    @Test("a ticket opened earlier in the enrolment is the acknowledgement's reference")
    func ticketReferenceInLaterMessage() async throws {
        try await Fixture.with(.memory) { shop in
            let row = try Fixture.enrolment("enr_1", customer: "c-1", order: "1001")
            _ = try await shop.effects.performReporting([
                EnrolmentEffects(enrolment: row, actions: [.openTicket(TicketSpec(topic: "make_it_right", priority: .high), key: "enr_1/open/3")])
            ])
            // A later round (another batch) sends the acknowledgement.
            _ = try await shop.effects.performReporting([
                EnrolmentEffects(
                    enrolment: row,
                    actions: [.send(Fixture.message(key: "enr_1/ack/4", customer: "c-1", template: "make_it_right_ack", messageClass: .service))])
            ])
            let ticket = try #require(try await shop.store.supportTickets(customerID: "c-1").first)
            #expect(ticket.id.hasPrefix("T-"))
            let message = try #require(try await shop.outbox.outboxMessages(customerID: "c-1").first)
            #expect(message.content.text.contains("Bestellung 1001"))
            #expect(message.content.text.contains("(Vorgang \(ticket.id))"))
        }
    }
}
