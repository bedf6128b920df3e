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
    /// Answers kept per data version and day (`memoized`).
    private var memo: [String: Memo] = [:]

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
    func asOf(now: Date) -> (Date, newestOrder: Bool) {
        guard engine.table.latestPlacedAt != Int64.min else { return (now, false) }
        guard now.timeIntervalSince(latestOrder) > DashboardFigures.staleAfter else { return (now, false) }
        let calendar = settings.calendar
        let day = calendar.localDate(of: latestOrder)
        return (calendar.instant(localDate: day.adding(days: 1), secondsOfDay: 0).addingTimeInterval(-1), true)
    }

    /// The figures as of `now` (cached until the data changes or the day turns): headline, months and
    /// cohorts, and what changed.
    public func figures(now: Date) throws -> DashboardFigures? {
        try memoized("figures", now: now) { snapshot, asOf, newest in
            let report = try snapshot.retentionReport(
                RetentionReportOptions(shopName: settings.name, sections: [.headline, .monthly, .cohorts]))
            return DashboardFigures(asOf: asOf, asOfNewestOrder: newest, report: report, insights: report.insights())
        }
    }

    /// The funnel (cached like `figures`).
    public func funnel(now: Date) throws -> ReportFunnel? {
        try memoized("funnel", now: now) { snapshot, _, _ in
            try snapshot.retentionReport(RetentionReportOptions(shopName: settings.name, sections: [.funnel])).funnel
        } ?? nil
    }

    /// Lifecycle stages, RFM segments and the RFM grid (cached like `figures`).
    public func segments(now: Date) -> (ReportSegments, RFMGrid)? {
        memoized("segments", now: now) { snapshot, _, _ in
            let report = try? snapshot.retentionReport(RetentionReportOptions(shopName: settings.name, sections: [.segments]))
            return report?.segments.map { ($0, snapshot.rfmGrid()) }
        } ?? nil
    }

    /// Cohorts split by `split` (cached per split like `figures`).
    public func cohorts(split: CohortSplit, now: Date) throws -> CohortTable? {
        try memoized("cohorts:" + split.rawValue, now: now) { snapshot, _, _ in try snapshot.cohorts(split: split) }
    }

    /// Predicted CLV of the lapsing customers (BG/NBD + Gamma-Gamma fitted on everyone), the most valuable
    /// first (cached like `figures`).
    public func lapsingCLV(now: Date, top: Int = 25) -> Result<ReportCLV, any Error>? {
        memoized("lapsing-clv", now: now) { snapshot, _, _ in
            Result<ReportCLV, any Error> {
                try snapshot.reportCLV(segment: .lifecycle(.lapsing), options: ReportCLVOptions(topCustomers: top))
            }
        }
    }

    /// A snapshot for questions of their own (one customer, an export); shared while the data is unchanged.
    public func snapshot(now: Date) -> AnalyticsSnapshot? {
        memoized("snapshot", now: now) { snapshot, _, _ in snapshot }
    }

    /// `compute`'s answer over the snapshot as of `now`, kept until the data changes or the local day turns
    /// (so a page view between changes is a lookup). `nil` while loading.
    private func memoized<T: Sendable>(
        _ key: String, now: Date, _ compute: (AnalyticsSnapshot, Date, Bool) throws -> T
    ) rethrows -> T? {
        guard phase == .ready else { return nil }
        let (asOf, newest) = asOf(now: now)
        let day = settings.calendar.localDate(of: asOf)
        if let kept = memo[key], kept.version == version, kept.day == day, let value = kept.value as? T { return value }
        let snapshot: AnalyticsSnapshot
        if let kept = memo["snapshot"], kept.version == version, kept.day == day, let value = kept.value as? AnalyticsSnapshot {
            snapshot = value
        } else {
            snapshot = engine.snapshot(asOf: asOf)
            memo["snapshot"] = Memo(version: version, day: day, value: snapshot)
        }
        let value = try compute(snapshot, asOf, newest)
        memo[key] = Memo(version: version, day: day, value: value)
        return value
    }

    private struct Memo {
        var version: Int
        var day: CivilDate
        var value: any Sendable
    }
}
