/// Who entered and who left a saved segment when it was re-evaluated.
public struct SegmentMembershipChange: Hashable, Codable, Sendable {
    public var segment: String
    /// Customer ids that joined, and that left.
    public var entered: [String]
    public var left: [String]

    /// A change from its parts.
    public init(segment: String, entered: [String], left: [String]) {
        self.segment = segment
        self.entered = entered
        self.left = left
    }
}
