public import Foundation

extension AnalyticsEngine {
    /// Saves (or replaces) a rule-based segment and evaluates every customer for it as of `asOf`; from then
    /// on `apply` keeps its members current. Returns the members' ids.
    @discardableResult
    public mutating func saveSegment(_ segment: SavedSegment, asOf: Date) throws(SegmentRuleError) -> [String] {
        try segment.rule.validate()
        let members = evaluateAll(segment.rule, asOf: asOf)
        if let existing = savedSegments.firstIndex(where: { $0.name == segment.name }) {
            savedSegments[existing] = segment
            savedMembers[existing] = members
        } else {
            savedSegments.append(segment)
            savedMembers.append(members)
        }
        return members.indices.filter { members[$0] }.map { table.customers.externalIDs[$0] }
    }

    /// Removes a saved segment; `false` when there is none of that name.
    @discardableResult
    public mutating func removeSegment(named name: String) -> Bool {
        guard let index = savedSegments.firstIndex(where: { $0.name == name }) else { return false }
        savedSegments.remove(at: index)
        savedMembers.remove(at: index)
        return true
    }

    /// The ids of a saved segment's members as kept (`nil`: no segment of that name).
    public func members(ofSaved name: String) -> [String]? {
        guard let index = savedSegments.firstIndex(where: { $0.name == name }) else { return nil }
        let members = savedMembers[index]
        return members.indices.filter { members[$0] }.map { table.customers.externalIDs[$0] }
    }

    /// Re-evaluates every customer for every saved segment as of `asOf` — for what time alone changes (a
    /// customer becomes lapsing without ordering; RFM boundaries move as others order). Returns who
    /// entered and left each segment.
    @discardableResult
    public mutating func refreshSegments(asOf: Date) -> [SegmentMembershipChange] {
        var changes: [SegmentMembershipChange] = []
        for (s, segment) in savedSegments.enumerated() {
            let members = evaluateAll(segment.rule, asOf: asOf)
            let old = savedMembers[s]
            var change = SegmentMembershipChange(segment: segment.name, entered: [], left: [])
            for c in members.indices {
                let was = c < old.count && old[c]
                if members[c] && !was { change.entered.append(table.customers.externalIDs[c]) }
                if !members[c] && was { change.left.append(table.customers.externalIDs[c]) }
            }
            savedMembers[s] = members
            changes.append(change)
        }
        return changes
    }

    private func evaluateAll(_ rule: SegmentRule, asOf: Date) -> [Bool] {
        let compiled = CompiledRule(rule, table: table)
        let evaluator = keptEvaluator(asOf: asOf)
        return (0..<table.customers.count).map { compiled.matches($0, evaluator) }
    }
}
