public import FlywheelCore
public import FlywheelFlows
public import Foundation
import Synchronization

/// The durable flow scheduler: enrolments are stored rows with a due time, worked in leased batches, so a
/// restart or a crash loses nothing and several instances on one database share the work.
///
/// - `enter(_:now:)`: an event enters the flows it triggers (one row per flow, unique per event), and each new
///   enrolment runs at once up to its first wait.
/// - `handle(_:now:)`: an event reaches the customer's running enrolments (goals, `until_event` waits).
/// - `runDue(now:)`: claims a batch of due rows, advances each, lets the arbiter pick among the batch's
///   marketing messages, hands the outward actions to `FlowEffects`, then stores the new states with their
///   timeline entries. `run(now:)` repeats it until cancelled.
///
/// At-least-once: effects are performed before the new state is stored. If the process dies in between,
/// the lease expires, another round advances the same stored state again and produces the same actions with
/// the same idempotency keys, which the effects side drops when it has seen them. See docs/flows.md.
public final class FlowScheduler: Sendable {
    public let configuration: SchedulerConfiguration
    let store: any FlowScheduleStore
    let facts: any CustomerFactsProvider
    let effects: any FlowEffects
    let policy: ContactPolicy
    private let library: Mutex<FlowLibrary>
    /// How many enrolment ids this scheduler made (their order within one instant; `EnrolmentID`).
    private let madeIDs = Atomic<UInt32>(0)

    public init(
        library: FlowLibrary, store: any FlowScheduleStore, facts: any CustomerFactsProvider, effects: any FlowEffects,
        policy: ContactPolicy, configuration: SchedulerConfiguration
    ) {
        self.library = Mutex(library)
        self.store = store
        self.facts = facts
        self.effects = effects
        self.policy = policy
        self.configuration = configuration
    }

    /// Replaces the flow library (a flow published or switched off); rounds already running keep the old one.
    public func update(library: FlowLibrary) { self.library.withLock { $0 = library } }

    var currentLibrary: FlowLibrary { library.withLock { $0 } }

    /// The library new entries use now.
    public var flowLibrary: FlowLibrary { currentLibrary }

    // MARK: Entering

    /// Enters `event` into every switched-on flow whose trigger, filters and re-entry rule accept it, and runs
    /// each new enrolment to its first wait. `key` identifies the event (default `EventKey.of(event)`): the
    /// same key again enters nothing (`duplicates`). `only` limits the flows to those ids (a segment send names
    /// its flow); `nil`: every flow of the event's kind.
    @discardableResult
    public func enter(_ event: FlowEvent, key: String? = nil, only: Set<String>? = nil, now: Date) async throws
        -> FlowRunReport
    {
        let library = currentLibrary
        let customerFacts = try await facts.facts(for: [event.customerID], now: now)[event.customerID] ?? CustomerFacts()
        let existing = try await store.enrolments(customerID: event.customerID)
        var history = EntryHistory()
        for row in existing {
            history.lastEntry[row.flowID] = max(history.lastEntry[row.flowID] ?? row.createdAt, row.createdAt)
            if row.status == .active { history.active.insert(row.flowID) }
        }
        var report = FlowRunReport()
        let eventKey = key ?? EventKey.of(event)
        var rows: [StoredEnrolment] = []
        var programs: [String: FlowProgram] = [:]
        for decision in library.matcher().decisions(for: event, facts: customerFacts, history: history) {
            if let only, !only.contains(decision.flowID) { continue }
            guard case .enter(let program) = decision else {
                report.refused += 1
                continue
            }
            let id = EnrolmentID.make(now: now, sequence: madeIDs.wrappingAdd(1, ordering: .relaxed).oldValue)
            let enrolment = Enrolment(id: id, program: program, entry: event)
            let expiry = now.addingTimeInterval(configuration.lease)
            // Inserted already leased by this instance: if it dies before the first step is stored, the row
            // falls due when the lease expires and another round runs the step.
            rows.append(
                StoredEnrolment(
                    id: id, customerID: event.customerID, flowID: program.id, flowVersion: program.version,
                    entryKey: program.id + "/" + event.customerID + "/" + eventKey, state: enrolment.snapshot(),
                    dueAt: expiry, leaseOwner: configuration.owner, leaseExpiresAt: expiry, attempts: 1,
                    createdAt: now, updatedAt: now))
            programs[id] = program
        }
        guard !rows.isEmpty else { return report }
        let inserted = try await store.insertEnrolments(rows)
        report.duplicates = rows.count - inserted.count
        report.entered = inserted.count
        let claimed = rows.filter { inserted.contains($0.id) }
        report.add(
            try await work(claimed, now: now, library: library, known: [event.customerID: customerFacts]) {
                enrolment, program, facts in
                enrolment.advance(in: program, now: now, facts: facts, policy: self.policy)
            })
        return report
    }

    // MARK: Events

    /// Passes `event` to the customer's running enrolments: a goal ends them, the event an `until_event` wait
    /// is for resumes it. Enrolments another instance is working on right now are retried briefly, then
    /// counted as `busy` (the caller may deliver the event again; handling it twice does nothing more).
    @discardableResult
    public func handle(_ event: FlowEvent, now: Date) async throws -> FlowRunReport {
        let library = currentLibrary
        var pending = try await store.enrolments(customerID: event.customerID).filter { $0.status == .active }.map(\.id)
        var report = FlowRunReport()
        for attempt in 0..<3 where !pending.isEmpty {
            if attempt > 0 { try await Task.sleep(for: .milliseconds(50 * attempt)) }
            let claimed = try await store.claimEnrolments(
                ids: pending, now: now, owner: configuration.owner, lease: configuration.lease)
            let got = Set(claimed.map(\.id))
            pending.removeAll { got.contains($0) }
            report.add(
                try await work(claimed, now: now, library: library) { enrolment, program, facts in
                    enrolment.handle(event, in: program, now: now, facts: facts, policy: self.policy)
                })
        }
        report.busy = pending.count
        return report
    }

    // MARK: Due steps

    /// One round: claims up to `batchSize` due rows and works them. Returns what it did; `enrolments` below
    /// the batch size means nothing more is due now.
    @discardableResult
    public func runDue(now: Date) async throws -> FlowRunReport {
        let claimed = try await store.claimDue(
            now: now, limit: configuration.batchSize, owner: configuration.owner, lease: configuration.lease)
        guard !claimed.isEmpty else { return FlowRunReport() }
        return try await work(claimed, now: now, library: currentLibrary) { enrolment, program, facts in
            enrolment.advance(in: program, now: now, facts: facts, policy: self.policy)
        }
    }

    /// Runs rounds until the task is cancelled: as long as full batches come back, at once; otherwise after
    /// `pollInterval`. `now` reads the clock (tests pass a manual one). A failing round (the database away) is
    /// given to `onError` (the server logs it) and retried after the poll interval; its rows stay leased until
    /// their lease expires. Cancellation ends the loop with `CancellationError`.
    public func run(
        now: @Sendable () -> Date = { Date() }, onError: @Sendable (any Error) -> Void = { _ in }
    ) async throws {
        while true {
            try Task.checkCancellation()
            let report: FlowRunReport
            do {
                report = try await runDue(now: now())
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                onError(error)
                report = FlowRunReport()
            }
            if report.enrolments < configuration.batchSize {
                try await Task.sleep(for: configuration.pollInterval)
            }
        }
    }
}
