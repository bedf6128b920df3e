import FlywheelAnalytics
import FlywheelCore
import Foundation

extension DashboardAnalytics {
    /// One kept answer: the data version and local day it is of, and how long it took to compute.
    struct Memo {
        var version: Int
        var day: CivilDate
        var cost: Duration
        var value: any Sendable
    }

    /// `compute`'s answer over the engine as of `now`, and whether it is current. Kept until the data changes
    /// or the local day turns. After a change: recomputed at once when it was cheap last time; otherwise the
    /// kept answer is returned (not current) while one background task computes the new one over a copy of
    /// the engine (a value: copying it is cheap, and ingest goes on meanwhile). `nil` while loading.
    func memoized<T: Sendable>(
        _ key: String, now: Date, _ compute: @escaping @Sendable (AnalyticsSnapshot, Date, Bool) throws -> T
    ) throws -> (T, Bool)? {
        guard phase == .ready else { return nil }
        let (asOf, newest) = asOf(now: now)
        let day = settings.calendar.localDate(of: asOf)
        if let kept = memo[key], kept.day == day, let value = kept.value as? T {
            if kept.version == version { return (value, true) }
            if kept.cost > backgroundAfter {
                refresh(key, asOf: asOf, newest: newest, day: day, compute)
                return (value, false)
            }
        }
        let clock = ContinuousClock()
        let started = clock.now
        let value = try compute(engine.snapshot(asOf: asOf), asOf, newest)
        memo[key] = Memo(version: version, day: day, cost: clock.now - started, value: value)
        return (value, true)
    }

    /// Starts the background computation of `key` unless one runs.
    private func refresh<T: Sendable>(
        _ key: String, asOf: Date, newest: Bool, day: CivilDate,
        _ compute: @escaping @Sendable (AnalyticsSnapshot, Date, Bool) throws -> T
    ) {
        guard !refreshing.contains(key) else { return }
        refreshing.insert(key)
        let engine = self.engine
        let version = self.version
        Task.detached(priority: .utility) {
            let clock = ContinuousClock()
            let started = clock.now
            let value = try? compute(engine.snapshot(asOf: asOf), asOf, newest)
            await self.finishRefresh(key, value: value, version: version, day: day, cost: clock.now - started)
        }
    }

    /// Computes `work` one after the other in one background task over a copy of the engine, keeping each
    /// answer as it is ready.
    func refreshInBackground(
        _ work: [(String, @Sendable (AnalyticsSnapshot, Date, Bool) throws -> any Sendable)], now: Date
    ) {
        guard !work.isEmpty else { return }
        let (asOf, newest) = asOf(now: now)
        let day = settings.calendar.localDate(of: asOf)
        refreshing.formUnion(work.map(\.0))
        let engine = self.engine
        let version = self.version
        Task.detached(priority: .utility) {
            let snapshot = engine.snapshot(asOf: asOf)
            for (key, compute) in work {
                let clock = ContinuousClock()
                let started = clock.now
                let value = try? compute(snapshot, asOf, newest)
                await self.finishRefresh(key, value: value, version: version, day: day, cost: clock.now - started)
            }
        }
    }

    private func finishRefresh(_ key: String, value: (any Sendable)?, version: Int, day: CivilDate, cost: Duration) {
        refreshing.remove(key)
        guard let value else { return }
        if let kept = memo[key], kept.version > version, kept.day == day { return }
        memo[key] = Memo(version: version, day: day, cost: cost, value: value)
    }
}
