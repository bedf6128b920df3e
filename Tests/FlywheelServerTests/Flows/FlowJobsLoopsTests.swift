import FlywheelAutomation
import FlywheelCore
import FlywheelFlows
import FlywheelServer
import Foundation
import Synchronization
import Testing

@Suite("FlowJobs: scheduler loops side by side")
struct FlowJobsLoopsTests {
    typealias S = FlowTestSupport

    /// A flow that waits an hour after a birthday, then tags the customer.
    private static func library() throws -> FlowLibrary {
        let program = try TriggerShop.program(
            """
            {"id": "nudge", "name": "nudge", "version": 1, "message_class": "service",
             "trigger": {"event": "birthday"}, "reentry": {"rule": "once_ever"},
             "steps": [{"id": "later", "wait": {"for": "PT1H"}, "next": "tag"},
                       {"id": "tag", "tag_customer": {"tag": "nudged"}}]}
            """)
        return try TriggerShop.library([program])
    }

    /// `count` customers entered the flow two hours before `FlowJobs` starts with `loops` scheduler loops of
    /// batches of 10, so every wait has ended; runs it until every customer is tagged (at most 300 s: in the
    /// parallel test run the loops may wait long for a thread). Returns the customers, the effects and
    /// whether all were tagged in time.
    private static func workDueSteps(
        store: any FlywheelStore, loops: Int, customers count: Int
    ) async throws -> (customers: [String], effects: SlowCountingEffects, done: Bool) {
        let effects = SlowCountingEffects()
        var options = FlowServiceOptions(pollInterval: .milliseconds(20))
        options.schedulerLoops = loops
        options.schedulerBatchSize = 10
        let flows = FlowService(
            library: try library(), store: store, effects: effects, settings: .defaults, options: options,
            owner: "test")
        let start = S.berlin(2026, 11, 18, 12)
        let customers = (0..<count).map { "c_\($0)" }
        for id in customers {
            let event = FlowEvent(customerID: id, occurredAt: start, trigger: .birthday)
            #expect(try await flows.scheduler.enter(event, now: start).entered == 1)
        }
        #expect(effects.tagged.isEmpty)
        let clock = ManualClock(start.addingTimeInterval(7_200))
        let jobs = FlowJobs(flows: flows, now: { clock.now }, logger: .init(label: "test"))
        let running = Task { try await jobs.run() }
        let done = try await S.eventually(300) { effects.tagged.count >= customers.count }
        running.cancel()
        _ = await running.result
        return (customers, effects, done)
    }

    @Test("two loops work the due steps side by side, each step once", arguments: S.Engine.allCases)
    func twoLoops(engine: S.Engine) async throws {
        try await engine.with { store in
            // 120 steps due at once, 12 batches of 10.
            let (customers, effects, done) = try await Self.workDueSteps(store: store, loops: 2, customers: 120)
            #expect(done)
            #expect(effects.tagged.sorted() == customers.sorted())  // each customer once, none missing
            #expect(effects.mostAtOnce == 2)  // the two loops' batches overlapped
            for id in customers.prefix(5) {
                #expect(try await store.enrolments(customerID: id).map(\.status) == [.finished])
            }
        }
    }

    @Test("one loop works one batch at a time", arguments: [S.Engine.memory])
    func oneLoop(engine: S.Engine) async throws {
        try await engine.with { store in
            let (customers, effects, done) = try await Self.workDueSteps(store: store, loops: 1, customers: 40)
            #expect(done)
            #expect(effects.tagged.sorted() == customers.sorted())
            #expect(effects.mostAtOnce == 1)
        }
    }
}

/// Effects that take a while per batch and count how many batches were in hand at once, and whom they tagged.
private final class SlowCountingEffects: FlowEffects {
    private let state = Mutex((inFlight: 0, most: 0, tagged: [String]()))

    func perform(_ batch: [EnrolmentEffects]) async throws {
        let tags = batch.flatMap { effects in
            effects.actions.compactMap { action -> String? in
                if case .tagCustomer = action { return effects.enrolment.customerID }
                return nil
            }
        }
        guard !tags.isEmpty else { return }
        state.withLock {
            $0.inFlight += 1
            $0.most = max($0.most, $0.inFlight)
        }
        try await Task.sleep(for: .milliseconds(50))
        state.withLock {
            $0.inFlight -= 1
            $0.tagged += tags
        }
    }

    var tagged: [String] { state.withLock { $0.tagged } }
    var mostAtOnce: Int { state.withLock { $0.most } }
}
