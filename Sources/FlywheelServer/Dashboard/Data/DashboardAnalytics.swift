public import FlywheelAnalytics
public import FlywheelCore
public import Foundation

/// The analytics engine behind the dashboard, kept in memory and current: loaded once from the store
/// when the server starts, then every record the API or a webhook stores is applied to it incrementally
/// (`AnalyticsEngine.apply`, no recomputation). Figures are cached per data version and day, so a page
/// view costs a lookup, not a pass over the orders.
public actor DashboardAnalytics {
    /// Where loading stands.
    public enum Phase: Sendable, Equatable {
        case loading(records: Int)
        case ready
        case failed(String)
    }

    public private(set) var phase: Phase = .loading(records: 0)
    public let settings: ShopSettings
    private var engine: AnalyticsEngine
    /// Batches stored while the history was being read; applied once it is.
    private var pending: [IngestBatch] = []
    /// Counts every change of the data, so caches know when they are stale.
    public private(set) var version = 0
    private var cachedFigures: (version: Int, asOf: Date, figures: DashboardFigures)?
    private var cachedCLV: (version: Int, value: Result<ReportCLV, any Error>)?

    public init(settings: ShopSettings, options: AnalyticsOptions = AnalyticsOptions()) {
        self.settings = settings
        engine = AnalyticsEngine(settings: settings, options: options)
    }

    /// Reads the store's history into the engine. Pages say "loading" until it is done.
    public func load(from store: any FlywheelStore) async {
        var table = OrderTable(settings: settings)
        do {
            try await store.readHistory(progress: { _ in }) { batch in
                table.add(batch)
            }
            engine = AnalyticsEngine(table: table, options: engine.options)
            let now = Date()
            for batch in pending { engine.apply(batch, asOf: max(now, latestOrder)) }
            pending = []
            version += 1
            phase = .ready
        } catch {
            phase = .failed("the history could not be read from the store: \(error)")
        }
    }

    /// Applies records just stored (called after the store accepted them).
    public func apply(_ batch: IngestBatch, now: Date) {
        guard phase == .ready else {
            pending.append(batch)
            return
        }
        engine.apply(batch, asOf: max(now, latestOrder))
        version += 1
    }

    private var latestOrder: Date {
        engine.table.latestPlacedAt == Int64.min ? .distantPast : Date(timeIntervalSince1970: TimeInterval(engine.table.latestPlacedAt))
    }

    /// The instant figures are as of at `now` (see `DashboardFigures.asOf`).
    public func asOf(now: Date) -> (Date, newestOrder: Bool) {
        guard engine.table.latestPlacedAt != Int64.min else { return (now, false) }
        guard now.timeIntervalSince(latestOrder) > DashboardFigures.staleAfter else { return (now, false) }
        let calendar = settings.calendar
        let day = calendar.localDate(of: latestOrder)
        return (calendar.instant(localDate: day.adding(days: 1), secondsOfDay: 0).addingTimeInterval(-1), true)
    }

    /// The figures as of `now` (cached until the data changes or the day turns).
    public func figures(now: Date) throws -> DashboardFigures? {
        guard phase == .ready else { return nil }
        let (asOf, newest) = asOf(now: now)
        if let cached = cachedFigures, cached.version == version,
            settings.calendar.localDate(of: cached.asOf) == settings.calendar.localDate(of: asOf)
        {
            return cached.figures
        }
        let snapshot = engine.snapshot(asOf: asOf)
        let report = try snapshot.retentionReport(
            RetentionReportOptions(shopName: settings.name, sections: [.headline, .monthly, .cohorts, .funnel, .segments]))
        let figures = DashboardFigures(asOf: asOf, asOfNewestOrder: newest, report: report, insights: report.insights())
        cachedFigures = (version, asOf, figures)
        return figures
    }

    /// A snapshot for pages that ask their own questions (cohort splits, the RFM grid, one customer).
    public func snapshot(now: Date) -> AnalyticsSnapshot? {
        guard phase == .ready else { return nil }
        return engine.snapshot(asOf: asOf(now: now).0)
    }

    /// Predicted CLV of the lapsing customers (BG/NBD + Gamma-Gamma fitted on everyone), the most valuable
    /// first; cached per data version.
    public func lapsingCLV(now: Date, top: Int = 25) -> Result<ReportCLV, any Error>? {
        guard phase == .ready else { return nil }
        if let cached = cachedCLV, cached.version == version { return cached.value }
        let snapshot = engine.snapshot(asOf: asOf(now: now).0)
        let value = Result<ReportCLV, any Error> {
            try snapshot.reportCLV(segment: .lifecycle(.lapsing), options: ReportCLVOptions(topCustomers: top))
        }
        cachedCLV = (version, value)
        return value
    }
}
