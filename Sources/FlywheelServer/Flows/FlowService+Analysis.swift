import FlywheelAnalytics
import FlywheelCore
import FlywheelFlows
import Foundation

extension FlowService {
    /// What the switched-on flows need from the sweep beyond dates (value ranks, p(alive), tier moves).
    var needs: FlowTriggerNeeds {
        FlowTriggerNeeds(programs: scheduler.flowLibrary.currentPrograms, defaultPAlive: options.pAliveThreshold)
    }

    /// The shop's analytics as of `now`: the dashboard's snapshot when one is kept (`options.analytics`), else
    /// the history read from the store into a fresh engine (one paged pass; only when a flow needs it).
    func analyticsSnapshot(now: Date) async throws -> AnalyticsSnapshot? {
        if let analytics = options.analytics { return await analytics(now) }
        var table = OrderTable(settings: settings)
        try await store.readHistory { table.add($0) }
        return AnalyticsEngine(table: table).snapshot(asOf: now)
    }

    /// The per-customer verdicts one sweep needs, computed once for the whole shop: value ranks when a VIP flow
    /// runs, p(alive) (the kept fit, refitted when a day old) when a lapse flow compares it.
    func sweepVerdicts(_ needs: FlowTriggerNeeds, now: Date) async -> (ranks: [String: Double], pAlive: [String: Double]) {
        guard needs.vipPercent != nil || needs.pAliveThreshold != nil else { return ([:], [:]) }
        var loaded: AnalyticsSnapshot??
        func snapshot() async -> AnalyticsSnapshot? {
            if let loaded { return loaded }
            do {
                loaded = .some(try await analyticsSnapshot(now: now))
            } catch {
                logger.error("flows: the shop's analytics could not be read for the sweep", metadata: ["error": "\(type(of: error))"])
                loaded = .some(nil)
            }
            return loaded ?? nil
        }
        var ranks: [String: Double] = [:]
        if let percent = needs.vipPercent {
            ranks = await snapshot()?.valueRankPercents() ?? [:]
            // A top share needs a buyer to fill it: a shop with fewer than 20 buyers has no "top 5 %" (its first
            // buyer would be a VIP by default).
            if Double(ranks.count) * percent < 100 { ranks = [:] }
        }
        var pAlive: [String: Double] = [:]
        if needs.pAliveThreshold != nil {
            pAlive = await predictions.probabilities(now: now, snapshot: snapshot) ?? [:]
        }
        return (ranks, pAlive)
    }
}
