public import FlywheelAnalytics
import FlywheelAutomation
import FlywheelFlows
public import Foundation
import Synchronization

/// Each customer's probability of being alive (BG/NBD fitted on the shop's history) for the flows: refitted
/// by the sweep at most once per `maxAge` (a day), read by the facts every scheduler round (so `p_alive`
/// conditions see it) without fitting. Nothing is fitted unless a flow asks (`FlowTriggerNeeds`).
public final class FlowPredictions: Sendable {
    /// The fitted probabilities and when they were fitted.
    struct Fit: Sendable {
        var at: Date
        var pAlive: [String: Double]
    }

    private let fit = Mutex<Fit?>(nil)
    /// How long a fit serves before the sweep fits again.
    public let maxAge: TimeInterval

    public init(maxAge: TimeInterval = 86_400) {
        self.maxAge = maxAge
    }

    /// Whether the fit is missing or older than `maxAge` at `now`.
    public func isStale(at now: Date) -> Bool {
        fit.withLock { kept in kept.map { now.timeIntervalSince($0.at) >= maxAge || now < $0.at } ?? true }
    }

    /// The customer's probability alive from the last fit, `nil` before one or for a customer it did not see.
    public func pAlive(of customer: String) -> Double? {
        fit.withLock { $0?.pAlive[customer] }
    }

    /// The probabilities at `now`: the kept fit while it is fresh, else a new fit over `snapshot()` (a model
    /// that cannot be fitted — no repeat buyer yet — keeps the old one, or none). `nil` without a fit.
    public func probabilities(now: Date, snapshot: () async -> AnalyticsSnapshot?) async -> [String: Double]? {
        if !isStale(at: now) { return fit.withLock { $0?.pAlive } }
        guard let snapshot = await snapshot(), let fitted = try? snapshot.probabilitiesAlive() else {
            return fit.withLock { $0?.pAlive }
        }
        fit.withLock { $0 = Fit(at: now, pAlive: fitted) }
        return fitted
    }

    /// Keeps `pAlive` as the fit made at `at` (tests, and a caller that fitted elsewhere).
    public func keep(_ pAlive: [String: Double], fittedAt at: Date) {
        fit.withLock { $0 = Fit(at: at, pAlive: pAlive) }
    }
}

/// The facts of another provider with `p_alive` filled from the last fit (`FlowPredictions`), so entry filters
/// and conditions on `p_alive` work.
struct PredictedFactsProvider: CustomerFactsProvider {
    let base: any CustomerFactsProvider
    let predictions: FlowPredictions

    func facts(for customerIDs: Set<String>, now: Date) async throws -> [String: CustomerFacts] {
        var facts = try await base.facts(for: customerIDs, now: now)
        for id in customerIDs {
            guard let pAlive = predictions.pAlive(of: id) else { continue }
            facts[id, default: CustomerFacts()].pAlive = pAlive
        }
        return facts
    }
}
