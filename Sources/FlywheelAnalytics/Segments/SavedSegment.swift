/// A named rule-based segment that flows and offers can target; the engine keeps its members current.
public struct SavedSegment: Hashable, Codable, Sendable {
    /// The segment's name, unique within the engine.
    public var name: String
    public var rule: SegmentRule

    /// A segment from its parts.
    public init(name: String, rule: SegmentRule) {
        self.name = name
        self.rule = rule
    }
}
