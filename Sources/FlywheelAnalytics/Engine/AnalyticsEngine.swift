public import FlywheelCore
public import Foundation

/// The retention analytics engine: the shop's history as columns (`OrderTable`) plus the figures it keeps
/// current as records arrive — per-period counts and revenue, per-customer purchases, first and last
/// purchase, the cohort matrix, the gaps between purchases, the RFM distribution and the members of saved
/// segments. Pure computation: no clock, no files; every query takes its "as of" instant.
///
/// ```swift
/// var table = OrderTable(settings: settings)
/// for batch in batches { table.add(batch) }                  // bulk load, then one pass
/// var engine = AnalyticsEngine(table: table)
/// let changes = engine.apply(IngestBatch(orders: [order]), asOf: now)   // live: no recomputation
/// let snapshot = engine.snapshot(asOf: now)
/// let report = try snapshot.metrics(granularity: .month, from: first, through: last)
/// ```
public struct AnalyticsEngine: Sendable {
    /// The records, as columns.
    public internal(set) var table: OrderTable {
        didSet {
            orderIndex = nil
            ahead = nil
        }
    }
    /// The table's rows grouped by customer as the last full pass grouped them, for the next snapshot;
    /// `nil` once the table has changed since.
    var orderIndex: CustomerOrderIndex?
    /// Report work started beside the last full pass (`ReportAhead`), for the snapshot as of its instant;
    /// `nil` once the table has changed since.
    var ahead: ReportWorkAhead?
    /// The engine's settings (margin, loyal threshold, lapse rule, VIP rule).
    public let options: AnalyticsOptions
    /// The kept figures over every customer and every order held.
    var kept: AggregateSet
    /// The saved rule-based segments and, per segment, which customers are members.
    public internal(set) var savedSegments: [SavedSegment] = []
    var savedMembers: [[Bool]] = []

    /// An engine over a loaded table: computes the kept figures in one pass. `observer` hears the pass's two
    /// steps (the rows grouped by customer, the figures) as they run, for timing. With `ahead`, the parts of
    /// the report about to be made that need no figures start as soon as the rows are grouped, beside the
    /// figures, and `snapshot(asOf:)` at `ahead.asOf` takes them (the same report, sooner on several cores).
    public init(
        table: OrderTable, options: AnalyticsOptions = AnalyticsOptions(), observer: (any ReportWorkObserver)? = nil,
        ahead: ReportAhead? = nil
    ) {
        self.table = table
        self.options = options
        let index = observer.measure("engine: rows by customer") { CustomerOrderIndex(table) }
        self.ahead = ahead.map { ReportWorkAhead($0, table: table, index: index, observer: observer) }
        kept = observer.measure("engine: figures") {
            AggregateSet.build(
                table: table, index: index, cutoff: Int64.max, include: nil, loyalPurchases: options.loyalPurchases)
        }
        orderIndex = index
    }

    /// An empty engine for a shop.
    public init(settings: ShopSettings, options: AnalyticsOptions = AnalyticsOptions()) {
        self.init(table: OrderTable(settings: settings), options: options)
    }

    /// An empty engine for a shop that counts in `currency` and lives in `timeZone`.
    public init(currency: CurrencyCode, timeZone: TimeZone, options: AnalyticsOptions = AnalyticsOptions()) {
        self.init(table: OrderTable(currency: currency, timeZone: timeZone), options: options)
    }

    /// The lifecycle windows learned from every gap between purchases held.
    public var lapseWindow: LapseWindow { options.lapse.window(from: kept.gaps) }

    /// Recomputes every kept figure from the table (what `init(table:)` does); the result equals what
    /// `apply` kept current.
    public mutating func rebuild() {
        let index = CustomerOrderIndex(table)
        kept = AggregateSet.build(
            table: table, index: index, cutoff: Int64.max, include: nil, loyalPurchases: options.loyalPurchases)
        orderIndex = index
    }

    /// The figures as of `asOf`, for reports: metrics, cohorts, funnel, segments, profiles.
    public func snapshot(asOf: Date) -> AnalyticsSnapshot {
        AnalyticsSnapshot(engine: self, asOf: asOf)
    }

    /// The evaluator over the kept figures (for one customer at a time, after `apply`).
    func keptEvaluator(asOf: Date) -> CustomerEvaluator {
        var converter = LocalDayConverter(timeZone: table.timeZone)
        return CustomerEvaluator(
            table: table, stats: kept.stats, ranker: kept.rfm.ranker(), window: lapseWindow, options: options,
            asOfDay: converter.localDay(of: asOf), cutoff: LocalDayConverter.seconds(of: asOf),
            feedback: FeedbackFacts(kept: table), index: nil)
    }

    /// One customer's profile as of `asOf` from the kept figures (no pass over the other customers).
    /// Meant for live use, where `asOf` is not before the orders held.
    public func profile(customerExternalID: String, asOf: Date) -> CustomerProfile? {
        guard let c = table.customers.index(of: customerExternalID).map(Int.init) else { return nil }
        let names = savedSegments.indices.filter { c < savedMembers[$0].count && savedMembers[$0][c] }
            .map { savedSegments[$0].name }
        return keptEvaluator(asOf: asOf).profile(c, savedSegments: names)
    }
}
