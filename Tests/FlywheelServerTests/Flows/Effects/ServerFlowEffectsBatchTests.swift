import FlywheelAutomation
import FlywheelCore
import FlywheelFlows
import FlywheelServer
import Foundation
import Testing

/// A scheduler batch's sends reach the outbox together: one batch enqueue (one transaction), exactly once by
/// key, and one customer's problem skipped on their timeline without failing the others.
@Suite("Server flow effects: a batch's sends enqueued at once")
struct ServerFlowEffectsBatchTests {
    typealias Fixture = FlowEffectsFixture

    /// Stores customers `c-10` … with e-mail addresses, each with an order `2010` ….
    static func addCustomers(_ numbers: ClosedRange<Int>, to store: any FlywheelStore) async throws {
        let placed = Fixture.now.addingTimeInterval(-3_600)
        _ = try await store.ingest(
            IngestBatch(
                customers: numbers.map {
                    Customer(externalID: "c-\($0)", email: "kunde\($0)@example.de", firstName: "Kunde \($0)", locale: .de, createdAt: placed)
                },
                orders: numbers.map {
                    Order(
                        externalID: "20\($0)", customerExternalID: "c-\($0)", placedAt: placed, currency: .eur,
                        subtotalMinor: 1_000, totalMinor: 1_000)
                }))
    }

    /// One send per customer of `numbers`, each its own enrolment; `template(n)` picks the template.
    static func batch(_ numbers: ClosedRange<Int>, template: (Int) -> String = { _ in "birthday" }) throws -> [EnrolmentEffects] {
        try numbers.map { number in
            EnrolmentEffects(
                enrolment: try Fixture.enrolment("enr_\(number)", customer: "c-\(number)", order: "20\(number)"),
                actions: [.send(Fixture.message(key: "enr_\(number)/mail/1", customer: "c-\(number)", template: template(number)))])
        }
    }

    @Test("twenty customers' messages go into the outbox with one batch enqueue and no per-message lookup", arguments: Fixture.Engine.allCases)
    func oneBatchEnqueue(_ engine: Fixture.Engine) async throws {
        var counting: CountingOutbox?
        try await Fixture.with(engine, outbox: { base in
            counting = CountingOutbox(base: base)
            return counting!
        }) { shop in
            let tally = try #require(counting).tally
            try await Self.addCustomers(10...29, to: shop.store)
            tally.reset()
            let report = try await shop.effects.performReporting(try Self.batch(10...29))
            #expect(report.done == 20)
            #expect(tally.all["enqueue(messages)"] == 1)
            #expect(tally.all["enqueue(message)"] == nil)
            #expect(tally.all["outboxMessage(idempotencyKey:)"] == nil)
            for number in [10, 19, 29] {
                let messages = try await shop.outbox.outboxMessages(customerID: "c-\(number)")
                #expect(messages.map(\.recipient) == ["kunde\(number)@example.de"])
                #expect(messages.first?.content.text.contains("Hallo Kunde \(number),") == true)
            }

            // The same batch again (the scheduler re-ran it after a crash): nothing rendered or stored.
            tally.reset()
            let again = try await shop.effects.performReporting(try Self.batch(10...29))
            #expect(again.repeated == 20 && again.done == 0)
            #expect(tally.all["enqueue(messages)"] == nil)
        }
    }

    @Test("one customer's template that does not render is skipped with a timeline reason; the others are stored", arguments: Fixture.Engine.allCases)
    func oneBadTemplateAmongMany(_ engine: Fixture.Engine) async throws {
        try await Fixture.with(engine) { shop in
            try await Self.addCustomers(10...14, to: shop.store)
            let batch = try Self.batch(10...14) { $0 == 12 ? "no_such_template" : "birthday" }
            let report = try await shop.effects.performReporting(batch)
            #expect(report.done == 4)
            #expect(report.skipped == 1)
            #expect(report.reasons.count == 1 && report.reasons[0].hasPrefix("enr_12/mail/1: template no_such_template (de) does not render"))
            for number in [10, 11, 13, 14] {
                #expect(try await shop.outbox.outboxMessages(customerID: "c-\(number)").count == 1)
            }
            #expect(try await shop.outbox.outboxMessages(customerID: "c-12").isEmpty)
            let timeline = try await shop.store.timeline(customerID: "c-12", before: nil, limit: 10).entries
            try #require(timeline.count == 1)
            #expect(timeline[0].kind == .skipped)
            #expect(timeline[0].enrolmentID == "enr_12")
            #expect(timeline[0].messageID == "enr_12/mail/1")
            #expect(timeline[0].detail?.hasPrefix("email not delivered: template no_such_template (de) does not render") == true)
            #expect(try await shop.store.timeline(customerID: "c-11", before: nil, limit: 10).entries.isEmpty)

            // Again: the stored four are repeated, the bad one skipped again but written once on the timeline.
            let again = try await shop.effects.performReporting(batch)
            #expect(again.repeated == 4 && again.skipped == 1 && again.done == 0)
            #expect(try await shop.store.timeline(customerID: "c-12", before: nil, limit: 10).entries.count == 1)
        }
    }

    @Test("exactly once by key: a key queued before the batch and a key twice in the batch give one message each", arguments: Fixture.Engine.allCases)
    func exactlyOnceByKey(_ engine: Fixture.Engine) async throws {
        try await Fixture.with(engine) { shop in
            try await Self.addCustomers(10...12, to: shop.store)
            _ = try await shop.effects.performReporting(try Self.batch(10...10))
            let before = try await shop.outbox.outboxMessages(customerID: "c-10")
            // c-10's send again, c-11's twice (two enrolment rows with the same action key), and c-12's.
            let batch = try Self.batch(10...12) + Self.batch(11...11)
            let report = try await shop.effects.performReporting(batch)
            #expect(report.done == 2)
            #expect(report.repeated == 2)
            #expect(try await shop.outbox.outboxMessages(customerID: "c-10") == before)
            #expect(try await shop.outbox.outboxMessages(customerID: "c-11").map(\.idempotencyKey) == ["enr_11/mail/1"])
            #expect(try await shop.outbox.outboxMessages(customerID: "c-12").map(\.idempotencyKey) == ["enr_12/mail/1"])
        }
    }
}
