/// Why a segment rule cannot be used: which condition, and what is wrong with it.
public struct SegmentRuleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The condition's position in the rule (0-based), `nil` for the rule as a whole.
    public let condition: Int?
    /// What is wrong, and what would be right.
    public let reason: String

    init(condition: Int?, _ reason: String) {
        self.condition = condition
        self.reason = reason
    }

    public var description: String {
        condition.map { "segment rule, condition \($0 + 1): \(reason)" } ?? "segment rule: \(reason)"
    }
}
