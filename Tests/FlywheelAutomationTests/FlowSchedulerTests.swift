import FlywheelAutomation
import FlywheelCore
import FlywheelFlows
import Foundation
import Testing

@Suite("FlowScheduler: a real flow from examples/flows over stored rows")
struct FlowSchedulerTests {
    typealias S = AutomationTestSupport

    @Test(
        "review request: enter, wait 14 days, wait for 10:00, send, restart, goal ends it",
        arguments: S.engines())
    func reviewRequestScenario(engine: S.Engine) async throws {
        try await engine.with { store in
            let library = try S.library(["review_request"])
            let program = try #require(library.current("review_request"))
            let customer = S.treatedCustomer(of: program)
            let effects = RecordingEffects()
            let first = S.scheduler(library, store: store, effects: effects, owner: "first")
            let delivered = S.berlin(2026, 3, 2, 12)
            let event = FlowEvent(customerID: customer, occurredAt: delivered, trigger: .orderDelivered(orderID: "o_1"))

            let entered = try await first.enter(event, now: delivered)
            #expect(entered.entered == 1 && entered.sent == 0)
            let row = try #require(try await store.enrolments(customerID: customer).first)
            #expect(row.flowID == "review_request" && row.flowVersion == 1 && row.status == .active)
            #expect(row.dueAt == delivered.addingTimeInterval(14 * 86_400) && row.leaseOwner == nil)

            // Nothing is due a day later; 14 days later the morning wait starts (next 10:00 in Berlin).
            #expect(try await first.runDue(now: S.berlin(2026, 3, 3, 12)).enrolments == 0)
            #expect(try await first.runDue(now: S.berlin(2026, 3, 16, 12)).enrolments == 1)
            #expect(try await store.enrolment(id: row.id)?.dueAt == S.berlin(2026, 3, 17, 10))
            #expect(effects.actions.isEmpty)

            // A restart: a new scheduler (another owner) on the same store picks up where the first stopped.
            let second = S.scheduler(library, store: store, effects: effects, owner: "second")
            let sent = try await second.runDue(now: S.berlin(2026, 3, 17, 10))
            #expect(sent.enrolments == 1 && sent.sent == 1)
            let message = try #require(effects.messages.first)
            #expect(effects.messages.count == 1)
            #expect(message.template == "review_request" && message.locale == .de && message.customerID == customer)
            #expect(message.idempotencyKey.hasPrefix(row.id + "/send_request/"))
            #expect(try await store.enrolment(id: row.id)?.dueAt == S.berlin(2026, 3, 22, 10))

            // The customer leaves a review: the goal ends the enrolment, the reminder never goes out.
            let review = FlowEvent(
                customerID: customer, occurredAt: S.berlin(2026, 3, 18, 9), trigger: .reviewLeft(reviewID: "r_1", rating: 5))
            let goal = try await second.handle(review, now: S.berlin(2026, 3, 18, 9))
            #expect(goal.enrolments == 1 && goal.finished == 1)
            let ended = try #require(try await store.enrolment(id: row.id))
            #expect(ended.status == .finished && ended.dueAt == nil && ended.leaseOwner == nil)
            #expect(try await second.runDue(now: S.berlin(2026, 4, 30)).enrolments == 0)
            #expect(effects.messages.count == 1)

            // The timeline tells the story, newest first.
            let timeline = try await store.timeline(customerID: customer, before: nil, limit: 50).entries
            #expect(timeline.map(\.kind) == [.goalReached, .waiting, .sent, .waiting, .waiting, .entered])
            #expect(timeline[2].messageID == message.idempotencyKey && timeline[2].stepID == "send_request")
            #expect(timeline[0].detail == "goal reached (review_left)")
            // A second handle of the same event changes nothing (no active enrolment left).
            #expect(try await second.handle(review, now: S.berlin(2026, 3, 18, 9)).enrolments == 0)
        }
    }

    @Test("the same event entered twice (a replayed webhook) enters once", arguments: S.engines())
    func replayedEventEntersOnce(engine: S.Engine) async throws {
        try await engine.with { store in
            let effects = RecordingEffects()
            let scheduler = S.scheduler(try S.library(["order_confirmation"]), store: store, effects: effects)
            let placed = S.berlin(2026, 3, 2, 12)
            let event = FlowEvent(
                customerID: "c_1", occurredAt: placed,
                trigger: .orderPlaced(orderID: "o_1", number: 1, total: Money(minorUnits: 4_990, currency: .eur)))
            let first = try await scheduler.enter(event, now: placed)
            #expect(first.entered == 1 && first.sent == 1 && first.finished == 1)
            let again = try await scheduler.enter(event, now: placed.addingTimeInterval(5))
            #expect(again.entered == 0 && again.duplicates == 1)
            #expect(effects.messages.map(\.template) == ["order_confirmation"])
            // Another order is another event: every_time enters again.
            var second = event
            second.trigger = .orderPlaced(orderID: "o_2", number: 2, total: Money(minorUnits: 990, currency: .eur))
            #expect(try await scheduler.enter(second, now: placed.addingTimeInterval(60)).entered == 1)
            #expect(try await store.enrolments(customerID: "c_1").count == 2)
        }
    }

    @Test("two marketing flows at once: the arbiter sends one and the timeline says why the other was held back")
    func arbiterHoldsBack() async throws {
        let high = try S.program(Self.campaignFlow(id: "launch_high", priority: 60))
        let low = try S.program(Self.campaignFlow(id: "launch_low", priority: 30))
        var library = FlowLibrary()
        try library.publish(high)
        try library.publish(low)
        let store = InMemoryStore()
        let effects = RecordingEffects()
        let scheduler = S.scheduler(library, store: store, effects: effects)
        let now = S.berlin(2026, 3, 2, 12)
        let report = try await scheduler.enter(
            FlowEvent(customerID: "c_1", occurredAt: now, trigger: .segmentSend(segment: "all", campaign: "spring")),
            now: now)
        #expect(report.entered == 2 && report.sent == 1 && report.heldBack == 1)
        #expect(effects.messages.map(\.flowID) == ["launch_high"])
        let timeline = try await store.timeline(customerID: "c_1", before: nil, limit: 20).entries
        let held = try #require(timeline.first { $0.kind == .heldBack })
        #expect(held.flowID == "launch_low")
        #expect(held.detail == "held back for a more valuable message of flow launch_high")
    }

    @Test("failing effects: retried with backoff and the same keys, ended after the last attempt")
    func failingEffectsRetry() async throws {
        let store = InMemoryStore()
        let effects = RecordingEffects()
        let scheduler = S.scheduler(try S.library(["order_confirmation"]), store: store, effects: effects, maxAttempts: 3)
        let placed = S.berlin(2026, 3, 2, 12)
        effects.fail(true)
        let event = FlowEvent(
            customerID: "c_1", occurredAt: placed,
            trigger: .orderPlaced(orderID: "o_1", number: 1, total: Money(minorUnits: 4_990, currency: .eur)))
        #expect(try await scheduler.enter(event, now: placed).failed == 1)
        var row = try #require(try await store.enrolments(customerID: "c_1").first)
        #expect(row.attempts == 1 && row.dueAt == placed.addingTimeInterval(60) && row.status == .active)
        #expect(try await scheduler.runDue(now: placed.addingTimeInterval(59)).enrolments == 0)
        #expect(try await scheduler.runDue(now: placed.addingTimeInterval(60)).failed == 1)
        row = try #require(try await store.enrolment(id: row.id))
        #expect(row.attempts == 2 && row.dueAt == placed.addingTimeInterval(180))
        // It works again: sent, and the attempts reset.
        effects.fail(false)
        #expect(try await scheduler.runDue(now: placed.addingTimeInterval(180)).sent == 1)
        row = try #require(try await store.enrolment(id: row.id))
        #expect(row.attempts == 0 && row.status == .finished)

        // Failing for good: ended after the third attempt, with a timeline entry.
        effects.fail(true)
        var other = event
        other.customerID = "c_2"
        _ = try await scheduler.enter(other, now: placed)
        _ = try await scheduler.runDue(now: placed.addingTimeInterval(60))
        let last = try await scheduler.runDue(now: placed.addingTimeInterval(180))
        #expect(last.failed == 1 && last.finished == 1)
        let ended = try #require(try await store.enrolments(customerID: "c_2").first)
        #expect(ended.status == .finished && ended.dueAt == nil)
        let exit = try #require(try await store.timeline(customerID: "c_2", before: nil, limit: 5).entries.first)
        #expect(exit.kind == .exited && exit.detail == "cancelled: effects failed 3 times")
    }

    @Test("new enrolment ids sort in the order they were entered, within one instant too")
    func enrolmentIDsFollowEntry() async throws {
        let store = InMemoryStore()
        let library = try S.library(["order_confirmation"])
        let scheduler = S.scheduler(library, store: store, effects: RecordingEffects())
        let sweep = S.berlin(2026, 3, 2, 12)
        // A sweep enters many customers with one `now`; the next round a millisecond later.
        var ids: [String] = []
        for (index, now) in (Array(repeating: sweep, count: 40) + Array(repeating: sweep + 0.001, count: 10)).enumerated() {
            let event = FlowEvent(
                customerID: "c_\(index)", occurredAt: now,
                trigger: .orderPlaced(orderID: "o_\(index)", number: 1, total: Money(minorUnits: 100, currency: .eur)))
            #expect(try await scheduler.enter(event, now: now).entered == 1)
            ids.append(try #require(try await store.enrolments(customerID: "c_\(index)").first?.id))
        }
        #expect(ids == ids.sorted() && Set(ids).count == ids.count)
        let milliseconds = String(Int64((sweep.timeIntervalSince1970 * 1000).rounded()), radix: 16)
        #expect(ids.allSatisfy { $0.count == 36 && $0.dropFirst(4).allSatisfy(\.isHexDigit) })
        #expect(ids[0].hasPrefix("enr_" + String(repeating: "0", count: 12 - milliseconds.count) + milliseconds))
        // Another scheduler (another process) makes other ids at the same instant.
        let other = S.scheduler(library, store: store, effects: RecordingEffects(), owner: "other")
        let event = FlowEvent(
            customerID: "c_other", occurredAt: sweep,
            trigger: .orderPlaced(orderID: "o_other", number: 1, total: Money(minorUnits: 100, currency: .eur)))
        #expect(try await other.enter(event, now: sweep).entered == 1)
        let otherID = try #require(try await store.enrolments(customerID: "c_other").first?.id)
        #expect(!ids.contains(otherID) && otherID.prefix(16) == ids[0].prefix(16))
    }

    @Test("run() works due rows until cancelled")
    func runLoop() async throws {
        let store = InMemoryStore()
        let effects = RecordingEffects()
        let library = try S.library(["order_confirmation"])
        let scheduler = S.scheduler(library, store: store, effects: effects, batchSize: 2)
        let now = S.berlin(2026, 3, 2, 12)
        // Five rows due now, written as a crashed instance left them (lease expired).
        for index in 0..<5 {
            let program = try #require(library.current("order_confirmation"))
            let event = FlowEvent(
                customerID: "c_\(index)", occurredAt: now,
                trigger: .orderPlaced(orderID: "o_\(index)", number: 1, total: Money(minorUnits: 100, currency: .eur)))
            let enrolment = Enrolment(id: "enr_\(index)", program: program, entry: event)
            _ = try await store.insertEnrolments([
                StoredEnrolment(
                    id: enrolment.id, customerID: event.customerID, flowID: program.id, flowVersion: 1,
                    entryKey: "k\(index)", state: enrolment.snapshot(), dueAt: now, createdAt: now, updatedAt: now)
            ])
        }
        let task = Task { try await scheduler.run(now: { now }) }
        for _ in 0..<400 where effects.messages.count < 5 { try await Task.sleep(for: .milliseconds(5)) }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(Set(effects.messages.map(\.customerID)) == Set((0..<5).map { "c_\($0)" }))
        #expect(effects.messages.count == 5)
    }

    static func campaignFlow(id: String, priority: Int) -> String {
        """
        {"id": "\(id)", "name": "\(id)", "version": 1, "message_class": "marketing", "priority": \(priority),
         "trigger": {"event": "segment_send"}, "reentry": {"rule": "every_time"},
         "steps": [{"id": "send", "send_email": {"template": "loyalty_launch",
                    "subject": {"de": "Neu", "en": "New"}}}]}
        """
    }
}
