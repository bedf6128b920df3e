/// One test of a segment rule: field, comparison, value — e.g. `orders >= 3`.
public struct SegmentCondition: Hashable, Codable, Sendable, CustomStringConvertible {
    public var field: CustomerField
    public var comparison: RuleComparison
    public var value: RuleValue

    /// A condition from its parts.
    public init(_ field: CustomerField, _ comparison: RuleComparison, _ value: RuleValue) {
        self.field = field
        self.comparison = comparison
        self.value = value
    }

    /// `orders >= 3`.
    public var description: String { "\(field.rawValue) \(comparison.rawValue) \(value)" }
}
