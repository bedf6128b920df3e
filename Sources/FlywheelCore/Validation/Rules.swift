/// Collects the issues of one record while its rules are checked.
struct Rules {
    private(set) var issues: [ValidationIssue] = []

    mutating func require(_ condition: Bool, _ field: String, _ reason: @autoclosure () -> String) {
        if !condition { issues.append(ValidationIssue(field: field, reason: reason())) }
    }

    mutating func externalID(_ value: String, _ field: String) {
        require(!value.isEmpty, field, "is empty")
        require(value.utf8.count <= 255, field, "is longer than 255 bytes")
        require(!value.unicodeScalars.contains { $0.properties.generalCategory == .control }, field,
            "contains control characters")
    }

    mutating func text(_ value: String?, _ field: String, maxBytes: Int = 1000) {
        guard let value else { return }
        require(value.utf8.count <= maxBytes, field, "is longer than \(maxBytes) bytes")
    }

    mutating func nonNegative(_ value: Int64, _ field: String) {
        require(value >= 0, field, "must not be negative")
    }

    func check(record: String) throws(ValidationError) {
        if !issues.isEmpty { throw ValidationError(record: record, issues: issues) }
    }

    /// A plausible address: one `@`, something before it, a dot in the domain, no spaces.
    static func isPlausibleEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].count >= 3, email.utf8.count <= 254 else { return false }
        let domain = parts[1]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix(".") else { return false }
        return !email.contains(where: { $0.isWhitespace })
    }
}
