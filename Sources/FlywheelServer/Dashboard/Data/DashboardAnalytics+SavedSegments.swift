public import FlywheelAnalytics
import FlywheelCore
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

    /// The members of a saved segment as of `now` (the ids in byte order); `nil` while the history is loading
    /// or when the engine keeps no segment of that name.
    public func members(ofSaved name: String, now: Date) -> [String]? {
        guard phase == .ready, savedSegments[name] != nil else { return nil }
        guard let snapshot = snapshot(now: now), let members = try? snapshot.members(of: .saved(name)) else { return nil }
        return members.sorted(by: KeyOrder.precedes)
    }
}
