public import FlywheelCore
public import Foundation
public import Logging
public import ServiceLifecycle

/// Keeps the dashboard's saved segments in line with the store's, beside the server: every `interval` it reads
/// the saved segments (one small query: the rules by name, usually a handful) and hands them to
/// `DashboardAnalytics.syncSavedSegments`, so a segment another `flywheel serve` on the same PostgreSQL saved,
/// changed or deleted reaches this server's dashboard and members route within an interval, not only at a
/// restart. This server's own API changes reach it at once (the route tells the dashboard); the sync is for the
/// others. Decision (docs/dashboard.md): a periodic comparison rather than PostgreSQL's LISTEN/NOTIFY — it
/// works on every engine, survives a dropped connection without a resubscription, and costs one read of a
/// tiny table per interval.
public struct SavedSegmentSync: Service {
    let dashboard: DashboardAnalytics
    let store: any FlywheelStore
    let interval: Duration
    let now: @Sendable () -> Date
    let logger: Logger

    /// A sync of `dashboard` with `store` every `interval`; `now` reads the server's clock.
    public init(
        dashboard: DashboardAnalytics, store: any FlywheelStore, interval: Duration,
        now: @escaping @Sendable () -> Date = { Date() }, logger: Logger
    ) {
        self.dashboard = dashboard
        self.store = store
        self.interval = interval
        self.now = now
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            if Task.isShuttingDownGracefully || Task.isCancelled { break }
            await syncOnce()
        }
    }

    /// One comparison; a failed read is logged and tried again at the next interval.
    public func syncOnce() async {
        do {
            let stored = try await store.segments()
            let changed = await dashboard.syncSavedSegments(stored, now: now())
            if changed > 0 {
                logger.info("dashboard: saved segments changed on another server taken over", metadata: ["segments": "\(changed)"])
            }
        } catch {
            logger.warning("dashboard: the saved segments could not be read; tried again", metadata: ["error": "\(type(of: error))"])
        }
    }
}
