/// One broken rule: which field, and why. `field` is a path such as `line_items[2].quantity`.
public struct ValidationIssue: Hashable, Sendable, CustomStringConvertible {
    public var field: String
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field): \(reason)" }
}

/// A record that breaks one or more rules. Its description names the record and each field and reason,
/// never the values (they may be personal data).
public struct ValidationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Kind and id of the record, e.g. `order 1001`.
    public var record: String
    public var issues: [ValidationIssue]

    public init(record: String, issues: [ValidationIssue]) {
        self.record = record
        self.issues = issues
    }

    public var description: String {
        "\(record) is invalid: " + issues.map(\.description).joined(separator: "; ")
    }
}
