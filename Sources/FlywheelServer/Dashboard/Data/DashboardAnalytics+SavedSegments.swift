public import FlywheelAnalytics
public import FlywheelCore
public import Foundation

extension DashboardAnalytics {
    /// Keeps a saved segment (new or changed) current from now on: the engine evaluates every customer for it
    /// once, then `apply` moves customers in and out as their records arrive. Before the history is loaded it
    /// is only noted; the load brings it in.
    public func save(_ segment: SavedSegment, now: Date) throws(SegmentRuleError) {
        try segment.rule.validate()
        savedSegments[segment.name] = segment
        guard phase == .ready else { return }
        try engine.saveSegment(segment, asOf: max(now, latestOrder))
        version += 1
    }

    /// Stops keeping a saved segment.
    public func removeSavedSegment(named name: String) {
        savedSegments[name] = nil
        if engine.removeSegment(named: name) { version += 1 }
    }

    /// Brings the kept saved segments in line with the store's (`SavedSegmentSync` calls it every interval):
    /// a segment saved, changed or deleted by another server on the same database — or by this one's API — is
    /// kept, re-evaluated or dropped. A stored rule that does not read is left out, as at load. Returns how many
    /// segments changed here (0 when all agree: nothing is recomputed then).
    @discardableResult
    public func syncSavedSegments(_ stored: [StoredSegment], now: Date) -> Int {
        var changed = 0
        var names = Set<String>()
        for record in stored {
            names.insert(record.name)
            guard let segment = try? SavedSegment(record) else {
                if savedSegments[record.name] != nil {
                    removeSavedSegment(named: record.name)
                    changed += 1
                }
                continue
            }
            guard savedSegments[record.name] != segment else { continue }
            do {
                try save(segment, now: now)
                changed += 1
            } catch {
                // A rule the engine refuses is left out, as at load.
                removeSavedSegment(named: record.name)
            }
        }
        for name in savedSegments.keys where !names.contains(name) {
            removeSavedSegment(named: name)
            changed += 1
        }
        return changed
    }

    /// The members of a saved segment as of `now` (the ids in byte order); `nil` while the history is loading
    /// or when the engine keeps no segment of that name.
    public func members(ofSaved name: String, now: Date) -> [String]? {
        guard phase == .ready, savedSegments[name] != nil else { return nil }
        guard let snapshot = snapshot(now: now), let members = try? snapshot.members(of: .saved(name)) else { return nil }
        return members.sorted(by: KeyOrder.precedes)
    }
}
