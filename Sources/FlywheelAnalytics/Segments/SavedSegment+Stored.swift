public import FlywheelCore
public import Foundation

extension SavedSegment {
    /// The segment a store keeps (its rule decoded from the stored JSON). Throws a `SegmentRuleError` when the
    /// stored rule cannot be read or no longer validates.
    public init(_ stored: StoredSegment) throws(SegmentRuleError) {
        let rule: SegmentRule
        do {
            rule = try JSONDecoder().decode(SegmentRule.self, from: Data(stored.definition.utf8))
        } catch {
            throw SegmentRuleError(condition: nil, "the stored rule of \(stored.name) cannot be read")
        }
        try rule.validate()
        self.init(name: stored.name, rule: rule)
    }

    /// The record a store keeps for this segment, saved at `at` by `by`.
    public func stored(at: Date, by: String) -> StoredSegment {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding plain enums, strings and integers cannot fail.
        let json = (try? encoder.encode(rule)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
        return StoredSegment(name: name, definition: json, createdAt: at, updatedAt: at, updatedBy: by)
    }

    /// Why a segment with this name and rule may not be saved, as a JSON pointer into the API's body (`/name`,
    /// `/rule`, `/rule/conditions/1`) and a reason; `nil` when it may. The API's 422 and `flywheel segments save`
    /// both answer with it.
    public static func refusal(name: String, rule: SegmentRule) -> (pointer: String, reason: String)? {
        if let refusal = refusal(name: name) { return refusal }
        do {
            try rule.validate()
        } catch {
            return (error.condition.map { "/rule/conditions/\($0)" } ?? "/rule", error.reason)
        }
        return nil
    }

    /// `refusal(name:rule:)` for the name alone (checked before a rule is read).
    public static func refusal(name: String) -> (pointer: String, reason: String)? {
        do {
            try validate(name: name)
        } catch {
            return ("/name", error.reason)
        }
        return nil
    }

    /// Checks a name for a saved segment: `[A-Za-z0-9._-]{1,64}` (it appears in URLs and in `saved:NAME`), and
    /// not a built-in segment's name (`vip`, `lapsing`, `at_risk` …), which sends would read as the built-in.
    public static func validate(name: String) throws(SegmentRuleError) {
        let allowed = (1...64).contains(name.utf8.count)
            && name.utf8.allSatisfy { c in
                (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2E
                    || c == 0x5F || c == 0x2D
            }
        guard allowed else {
            throw SegmentRuleError(condition: nil, "a segment name is 1–64 characters of A–Z, a–z, 0–9, '.', '_', '-'")
        }
        if (try? CustomerFilter(segmentName: name)) != nil {
            throw SegmentRuleError(condition: nil, "\(name) is a built-in segment's name; choose another")
        }
        // "loyal", "new", "lost" are both a stage and an RFM segment: the parser refuses them as ambiguous.
        let key = name.lowercased().replacingOccurrences(of: "-", with: "_")
        if LifecycleStage(rawValue: key) != nil || RFMSegment(rawValue: key) != nil {
            throw SegmentRuleError(condition: nil, "\(name) is a built-in segment's name; choose another")
        }
    }
}
