public import FlywheelAutomation
public import FlywheelCore
public import FlywheelFlows
import Foundation
public import Logging

/// Flows at work in the server: the `FlowScheduler` over the store's enrolment rows, fed by every stored batch
/// (an `IngestObserver`: `IngestTriggerDetector` → `handle` for running enrolments, `enter` for new ones) and by
/// the periodic sweep (`sweep(now:)`: `ScheduledTriggerSweep` over the shop's customers, plus a catch-up of
/// recent orders' events). `FlowJobs` runs the scheduler's rounds and the sweep beside the server.
///
/// Every event enters with the detector's key (`order_placed/1001`, `birthday/2026` …), so a webhook delivered
/// twice, an ingest and the sweep's catch-up of the same order, or two sweeps, enter each flow once. See
/// docs/flows.md, "In the server".
public struct FlowService: Sendable {
    /// The durable scheduler the events go to.
    public let scheduler: FlowScheduler
    let store: any FlywheelStore
    let detector: IngestTriggerDetector
    let sweeper: ScheduledTriggerSweep
    let calendar: ShopCalendar
    let options: FlowServiceOptions
    let logger: Logger
    /// The BG/NBD probabilities the sweep refits daily when a flow asks (`FlowTriggerNeeds`).
    public let predictions: FlowPredictions
    let settings: ShopSettings
    /// The members of the campaigns under way in this process (`runDueCampaigns`).
    let campaignMembers = CampaignMemberCache()

    /// A service over `scheduler`; the sweep works in `settings`' calendar (the shop's). `predictions` should be
    /// the one the scheduler's facts read `p_alive` from (`PredictedFactsProvider`).
    public init(
        scheduler: FlowScheduler, store: any FlywheelStore, settings: ShopSettings,
        options: FlowServiceOptions = FlowServiceOptions(), predictions: FlowPredictions = FlowPredictions(),
        logger: Logger = Logger(label: "flywheel.flows")
    ) {
        let calendar = settings.calendar
        self.scheduler = scheduler
        self.store = store
        self.settings = settings
        self.predictions = predictions
        self.calendar = calendar
        self.options = options
        self.detector = IngestTriggerDetector(freshness: options.freshness)
        self.sweeper = ScheduledTriggerSweep(calendar: calendar, catchUp: options.catchUp)
        self.logger = logger
    }

    /// A service running `library` for the shop of `settings` over `store`: facts from the store's records
    /// (`StoreFactsProvider`), the standard contact policy in the shop's zone (3 marketing messages per 7 days,
    /// 16 hours smart sending, quiet 21:00–08:00), actions to `effects`. `owner` names this instance in the
    /// scheduler's leases (default: host, process id and a random part).
    public init(
        library: FlowLibrary, store: any FlywheelStore, effects: any FlowEffects, settings: ShopSettings,
        options: FlowServiceOptions = FlowServiceOptions(), owner: String? = nil,
        logger: Logger = Logger(label: "flywheel.flows")
    ) {
        let calendar = settings.calendar
        let predictions = FlowPredictions()
        let facts = PredictedFactsProvider(
            base: StoreFactsProvider(store: store, exemption: options.existingCustomerExemption), predictions: predictions)
        let scheduler = FlowScheduler(
            library: library, store: store, facts: facts, effects: effects,
            policy: .standard(shopTimeZone: calendar.timeZone),
            configuration: SchedulerConfiguration(
                owner: owner ?? Self.defaultOwner(), batchSize: options.schedulerBatchSize,
                pollInterval: options.pollInterval))
        self.init(
            scheduler: scheduler, store: store, settings: settings, options: options, predictions: predictions,
            logger: logger)
    }

    /// Publishes a new library (running enrolments keep the versions they entered with).
    public func update(library: FlowLibrary) { scheduler.update(library: library) }

    /// A lease owner unique per process: host name, process id and a random part.
    static func defaultOwner() -> String {
        let info = ProcessInfo.processInfo
        return "\(info.hostName)/\(info.processIdentifier)/\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// Each order's number among its customer's orders (1 = first): the orders not cancelled, by time placed
    /// (ties by id), as `IngestTriggerContext.orderNumbers` wants them.
    static func orderNumbers(_ orders: [Order]) -> [String: Int] {
        let counted = orders.filter { $0.cancelledAt == nil }.sorted { a, b in
            a.placedAt != b.placedAt ? a.placedAt < b.placedAt : KeyOrder.precedes(a.externalID, b.externalID)
        }
        var numbers: [String: Int] = [:]
        for (index, order) in counted.enumerated() { numbers[order.externalID] = index + 1 }
        return numbers
    }

    /// Enters a detected event; a failure is logged and counted, never thrown (the next sweep catches up).
    func enter(_ detected: DetectedEvent, only: Set<String>? = nil, now: Date) async -> FlowRunReport? {
        do {
            return try await scheduler.enter(detected.event, key: detected.key, only: only, now: now)
        } catch {
            logger.error(
                "flows: an event did not enter its flows; the sweep tries again",
                metadata: ["event": "\(detected.event.trigger.kind.rawValue)", "error": "\(type(of: error))"])
            return nil
        }
    }
}
