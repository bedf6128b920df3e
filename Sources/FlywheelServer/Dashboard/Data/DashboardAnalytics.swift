public import FlywheelAnalytics
public import FlywheelCore
public import Foundation

/// The analytics engine behind the dashboard, kept in memory and current: loaded once from the store
/// when the server starts, then every record the API or a webhook stores is applied to it incrementally
/// (`AnalyticsEngine.apply`, no recomputation). Each page's figures are kept per data version and day
/// (`memoized`, DashboardAnalytics+Memo.swift): a page view is a lookup; after a change, figures that are
/// cheap to compute are recomputed at once, costly ones (a large shop) in the background while pages show
/// the previous ones and say so.
public actor DashboardAnalytics {
    /// Where loading stands.
    public enum Phase: Sendable, Equatable {
        case loading(records: Int)
        case ready
        case failed(String)
    }

    public private(set) var phase: Phase = .loading(records: 0)
    public let settings: ShopSettings
    var engine: AnalyticsEngine
    /// Batches stored while the history was being read; applied once it is.
    private var pending: [IngestBatch] = []
    /// Counts every change of the data, so caches know when they are stale.
    public internal(set) var version = 0
    /// Answers kept per data version and day, how long each took, and which are being recomputed.
    var memo: [String: Memo] = [:]
    var refreshing: Set<String> = []
    /// The saved segments the engine keeps current (`DashboardAnalytics+SavedSegments.swift`), kept here too so
    /// a (re)load of the history brings them back.
    var savedSegments: [String: SavedSegment] = [:]

    /// Answers that took longer than this are recomputed in the background after a change; the pages show
    /// the previous answer meanwhile (and say so). Quicker ones are recomputed at once.
    let backgroundAfter: Duration

    public init(
        settings: ShopSettings, options: AnalyticsOptions = AnalyticsOptions(),
        backgroundAfter: Duration = .milliseconds(50)
    ) {
        self.settings = settings
        self.backgroundAfter = backgroundAfter
        engine = AnalyticsEngine(settings: settings, options: options)
    }

    /// Reads the store's history into the engine. Pages say "loading" until it is done. `now` reads the clock
    /// (the server's) once the history is in.
    public func load(from store: any FlywheelStore, now clock: @Sendable () -> Date = { Date() }) async {
        var table = OrderTable(settings: settings)
        do {
            try await store.readHistory { batch in
                table.add(batch)
            }
            let stored = try await store.segments()
            engine = AnalyticsEngine(table: table, options: engine.options)
            let now = clock()
            // A stored rule that no longer reads is left out (the members route names it as unreadable).
            for record in stored where savedSegments[record.name] == nil {
                savedSegments[record.name] = try? SavedSegment(record)
            }
            for segment in savedSegments.values { _ = try? engine.saveSegment(segment, asOf: max(now, latestOrder)) }
            for batch in pending { engine.apply(batch, asOf: max(now, latestOrder)) }
            pending = []
            version += 1
            phase = .ready
            // The overview's figures before anyone sees "ready" (same actor turn), so the first view is a lookup.
            _ = try? figures(now: now)
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

    var latestOrder: Date { engine.table.latestOrderAt ?? .distantPast }

    /// The instant figures are as of at `now` (see `DashboardFigures.asOf`).
    func asOf(now: Date) -> (Date, newestOrder: Bool) {
        guard now.timeIntervalSince(latestOrder) > DashboardFigures.staleAfter, let dayEnd = engine.table.latestOrderDayEnd
        else { return (now, false) }
        return (dayEnd, true)
    }

    /// One customer's profile from the kept figures: no pass over the other customers or their orders.
    public func profile(customerID: String, now: Date) -> CustomerProfile? {
        guard phase == .ready else { return nil }
        return engine.profile(customerExternalID: customerID, asOf: asOf(now: now).0)
    }

    /// The figures as of `now`: headline, months and cohorts, and what changed. `isCurrent` is false while
    /// newer records are being worked in.
    public func figures(now: Date) throws -> DashboardFigures? {
        guard let (figures, current) = try memoized("figures", now: now, Self.figures(settings.name)) else { return nil }
        var answer = figures
        answer.isCurrent = current
        return answer
    }

    /// The funnel.
    public func funnel(now: Date) throws -> ReportFunnel? {
        try memoized("funnel", now: now, Self.funnel(settings.name))?.0 ?? nil
    }

    /// Lifecycle stages, RFM segments and the RFM grid.
    public func segments(now: Date) -> (ReportSegments, RFMGrid)? {
        let answer = try? memoized("segments", now: now, Self.segments(settings.name))
        return answer?.0
    }

    /// Cohorts split by `split`.
    public func cohorts(split: CohortSplit, now: Date) throws -> CohortTable? {
        try memoized("cohorts:" + split.rawValue, now: now, Self.cohorts(split))?.0
    }

    /// Predicted CLV of the lapsing customers (BG/NBD + Gamma-Gamma fitted on everyone), the most valuable
    /// first.
    public func lapsingCLV(now: Date) -> Result<ReportCLV, any Error>? {
        let answer = try? memoized("lapsing-clv", now: now, Self.lapsingCLV)
        return answer?.0
    }

    /// A snapshot for questions of their own (one customer, an export), current with the data.
    public func snapshot(now: Date) -> AnalyticsSnapshot? {
        guard phase == .ready else { return nil }
        return engine.snapshot(asOf: asOf(now: now).0)
    }

    /// Computes the other pages' figures in one background task over a copy of the engine (the server
    /// calls it once the history is loaded, so the first visitor of a large shop does not wait and page
    /// views are not held up meanwhile).
    public func warmUp(now: Date) {
        guard phase == .ready else { return }
        let name = settings.name
        let all: [(String, @Sendable (AnalyticsSnapshot, Date, Bool) throws -> any Sendable)] = [
            ("funnel", { @Sendable in try Self.funnel(name)($0, $1, $2) }),
            ("segments", { @Sendable in try Self.segments(name)($0, $1, $2) }),
            ("cohorts:" + CohortSplit.none.rawValue, { @Sendable in try Self.cohorts(.none)($0, $1, $2) }),
            ("lapsing-clv", { @Sendable in Self.lapsingCLV($0, $1, $2) }),
        ]
        refreshInBackground(all.filter { memo[$0.0] == nil && !refreshing.contains($0.0) }, now: now)
    }

    // MARK: What each page computes

    static func figures(_ name: String) -> @Sendable (AnalyticsSnapshot, Date, Bool) throws -> DashboardFigures {
        { snapshot, asOf, newest in
            let report = try snapshot.retentionReport(
                RetentionReportOptions(shopName: name, sections: [.headline, .monthly, .cohorts]))
            return DashboardFigures(asOf: asOf, asOfNewestOrder: newest, report: report, insights: report.insights())
        }
    }

    static func funnel(_ name: String) -> @Sendable (AnalyticsSnapshot, Date, Bool) throws -> ReportFunnel? {
        { snapshot, _, _ in try snapshot.retentionReport(RetentionReportOptions(shopName: name, sections: [.funnel])).funnel }
    }

    static func segments(_ name: String) -> @Sendable (AnalyticsSnapshot, Date, Bool) throws -> (ReportSegments, RFMGrid)? {
        { snapshot, _, _ in
            let report = try snapshot.retentionReport(RetentionReportOptions(shopName: name, sections: [.segments]))
            return report.segments.map { ($0, snapshot.rfmGrid()) }
        }
    }

    static func cohorts(_ split: CohortSplit) -> @Sendable (AnalyticsSnapshot, Date, Bool) throws -> CohortTable {
        { snapshot, _, _ in try snapshot.cohorts(split: split) }
    }

    @Sendable static func lapsingCLV(_ snapshot: AnalyticsSnapshot, _: Date, _: Bool) -> Result<ReportCLV, any Error> {
        Result { try snapshot.reportCLV(segment: .lifecycle(.lapsing), options: ReportCLVOptions(topCustomers: 25)) }
    }
}
