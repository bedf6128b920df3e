public import FlywheelAnalytics
public import FlywheelFlows
public import Foundation

/// How `FlowService` and `FlowJobs` work: how often, how far back, how much at once.
public struct FlowServiceOptions: Sendable {
    /// Time between two sweeps (time-based triggers and the catch-up of missed events).
    public var sweepInterval: Duration
    /// Sleep between scheduler rounds when nothing was due.
    public var pollInterval: Duration
    /// A fact older than this when it arrives is history and triggers nothing (`IngestTriggerDetector`).
    public var freshness: TimeInterval
    /// How far back a time-based moment may lie and still trigger (`ScheduledTriggerSweep`): covers a server
    /// that was down for a while.
    public var catchUp: TimeInterval
    /// Orders placed within this many days are looked at again by each sweep: their shipments (open ones for
    /// expected delivery and lateness) and refunds, and their ingest events (missed ones enter then).
    public var recentOrderDays: Int
    /// Customers read per page of the sweep.
    public var pageSize: Int
    /// The shop's learned lapse window in days at a time (the dashboard's analytics), for lapse triggers;
    /// `nil`: no lapse events.
    public var lapseWindowDays: (@Sendable (Date) async -> Double?)?
    /// What the shop's checkout records for the German existing-customer exemption (§7(3) UWG): with it,
    /// marketing e-mail about the shop's own similar goods may reach buyers without opt-in (with the opt-out
    /// notice in every message); `nil` (the default): marketing needs confirmed consent.
    public var existingCustomerExemption: ExistingCustomerFacts?
    /// The shop's analytics at a time, for value ranks (VIP) and the BG/NBD fit (lapse by probability alive):
    /// the dashboard's snapshot when it runs; `nil`: the service reads the history from the store when a flow
    /// needs it (once per sweep).
    public var analytics: (@Sendable (Date) async -> AnalyticsSnapshot?)?
    /// The loyalty programme's tier moves, for `tier_changed` flows; `nil`: none (no programme).
    public var tierMoves: (any TierMoveSource)?
    /// The threshold of a lapse by probability alive for a flow that asks for one by `event.lapse_reason` but
    /// compares no `p_alive` value (default 0.3).
    public var pAliveThreshold: Double
    /// Members entered per page of a segment send.
    public var segmentPageSize: Int
    /// Time between two short cart checks (`FlowService.checkCarts`): abandoned-cart reminders go out within
    /// about this much (plus a scheduler poll) of the checkout's last update + the flow's `after`.
    public var cartInterval: Duration = .seconds(30)
    /// How far before the previous cart check the next one looks again (a checkout stored a little late, clocks
    /// of shop and server apart); the hourly sweep covers the rest.
    public var cartOverlap: TimeInterval = 300
    /// Scheduler rounds run side by side (`FlowJobs`; `flywheel serve --scheduler-loops`, default 2): each claims
    /// its own leased batch, so no step runs twice, and one renders while the other writes (SQLite has one
    /// writer). Measured at 1,000,000 due steps: one loop 19,600 steps/s, two 22,900 (BENCHMARKS.md).
    public var schedulerLoops: Int = 2 {
        didSet { schedulerLoops = max(1, schedulerLoops) }
    }
    /// Due steps claimed per scheduler round (memory grows with this, not with the steps pending).
    public var schedulerBatchSize: Int = 1_000 {
        didSet { schedulerBatchSize = max(1, schedulerBatchSize) }
    }

    public init(
        sweepInterval: Duration = .seconds(3_600), pollInterval: Duration = .seconds(1),
        freshness: TimeInterval = 48 * 3_600, catchUp: TimeInterval = 3 * 86_400, recentOrderDays: Int = 30,
        pageSize: Int = 500, lapseWindowDays: (@Sendable (Date) async -> Double?)? = nil,
        existingCustomerExemption: ExistingCustomerFacts? = nil,
        analytics: (@Sendable (Date) async -> AnalyticsSnapshot?)? = nil, tierMoves: (any TierMoveSource)? = nil,
        pAliveThreshold: Double = 0.3, segmentPageSize: Int = 200
    ) {
        self.analytics = analytics
        self.tierMoves = tierMoves
        self.pAliveThreshold = pAliveThreshold
        self.segmentPageSize = max(1, segmentPageSize)
        self.existingCustomerExemption = existingCustomerExemption
        self.lapseWindowDays = lapseWindowDays
        self.sweepInterval = sweepInterval
        self.pollInterval = pollInterval
        self.freshness = freshness
        self.catchUp = catchUp
        self.recentOrderDays = max(1, recentOrderDays)
        self.pageSize = max(1, pageSize)
    }
}
