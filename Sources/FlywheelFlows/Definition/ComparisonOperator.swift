/// How a condition compares a fact with its value.
public enum ComparisonOperator: String, Sendable, Hashable, Codable, CaseIterable {
    case eq, ne, gt, gte, lt, lte
    /// The fact is one of the listed values.
    case `in`
    case notIn = "not_in"
    /// The fact (a list such as `tags`) contains the value.
    case contains
    /// The fact is known (no value needed).
    case exists

    /// Whether the operator needs a `value` in the file.
    public var needsValue: Bool { self != .exists }
}
