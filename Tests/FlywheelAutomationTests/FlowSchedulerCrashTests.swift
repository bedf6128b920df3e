import FlywheelAutomation
import FlywheelCore
import FlywheelFlows
import Foundation
import Testing

/// At-least-once: effects are performed before the new state is stored. A "crash" in between (the store
/// never gets the completion) leaves the lease to expire; another scheduler then repeats the step with the
/// very same idempotency keys, and the timeline keeps one entry per line.
@Suite("FlowScheduler: a crash between effects and storing the state")
struct FlowSchedulerCrashTests {
    typealias S = AutomationTestSupport

    @Test("crash after the entry's effects: the second scheduler repeats them with identical keys", arguments: S.engines())
    func crashAtEntry(engine: S.Engine) async throws {
        try await engine.with { base in
            let store = CrashingStore(base)
            let effects = RecordingEffects()
            let library = try S.library(["order_confirmation"])
            let crashing = S.scheduler(library, store: store, effects: effects, owner: "a", lease: 120)
            let placed = S.berlin(2026, 3, 2, 12)
            let event = FlowEvent(
                customerID: "c_1", occurredAt: placed,
                trigger: .orderPlaced(orderID: "o_1", number: 1, total: Money(minorUnits: 4_990, currency: .eur)))
            store.crashAtNextComplete()
            await #expect(throws: SimulatedCrash.self) { try await crashing.enter(event, now: placed) }
            #expect(effects.messages.count == 1)

            let survivor = S.scheduler(library, store: store, effects: effects, owner: "b", lease: 120)
            // The crashed instance's lease still runs: nothing to do yet.
            #expect(try await survivor.runDue(now: placed.addingTimeInterval(119)).enrolments == 0)
            let retried = try await survivor.runDue(now: placed.addingTimeInterval(120))
            #expect(retried.enrolments == 1 && retried.sent == 1 && retried.finished == 1)
            let messages = effects.messages
            #expect(messages.count == 2)
            #expect(messages[0].idempotencyKey == messages[1].idempotencyKey)
            var firstTry = messages[0]
            firstTry.createdAt = messages[1].createdAt
            #expect(firstTry == messages[1])
            let timeline = try await base.timeline(customerID: "c_1", before: nil, limit: 20).entries
            #expect(timeline.map(\.kind) == [.exited, .sent, .entered])
            #expect(try await base.enrolments(customerID: "c_1").map(\.status) == [.finished])
        }
    }

    @Test("crash after a due step's effects: repeated once the lease expires, same keys", arguments: S.engines())
    func crashAtDueStep(engine: S.Engine) async throws {
        try await engine.with { base in
            let store = CrashingStore(base)
            let effects = RecordingEffects()
            let library = try S.library(["review_request"])
            let customer = S.treatedCustomer(of: try #require(library.current("review_request")))
            let a = S.scheduler(library, store: store, effects: effects, owner: "a", lease: 300)
            let delivered = S.berlin(2026, 3, 2, 12)
            _ = try await a.enter(
                FlowEvent(customerID: customer, occurredAt: delivered, trigger: .orderDelivered(orderID: "o_1")),
                now: delivered)
            _ = try await a.runDue(now: S.berlin(2026, 3, 16, 12))
            let sendTime = S.berlin(2026, 3, 17, 10)
            store.crashAtNextComplete()
            await #expect(throws: SimulatedCrash.self) { try await a.runDue(now: sendTime) }
            let key = try #require(effects.messages.first?.idempotencyKey)

            let b = S.scheduler(library, store: store, effects: effects, owner: "b", lease: 300)
            #expect(try await b.runDue(now: sendTime.addingTimeInterval(299)).enrolments == 0)
            #expect(try await b.runDue(now: sendTime.addingTimeInterval(300)).sent == 1)
            #expect(effects.messages.map(\.idempotencyKey) == [key, key])
            // b's run stored the step: the reminder's 5-day wait counts from b's time.
            let row = try #require(try await base.enrolments(customerID: customer).first)
            #expect(row.dueAt == sendTime.addingTimeInterval(300 + 5 * 86_400) && row.leaseOwner == nil)
            let sent = try await base.timeline(customerID: customer, before: nil, limit: 20).entries.filter {
                $0.kind == .sent
            }
            #expect(sent.map(\.messageID) == [key])
        }
    }
}
