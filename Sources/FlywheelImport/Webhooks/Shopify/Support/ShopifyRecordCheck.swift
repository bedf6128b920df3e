import FlywheelCore

/// Runs a record's domain rules and reports every broken rule at the JSON path the record's field came from.
struct ShopifyRecordCheck {
    let topic: ShopifyWebhookTopic

    func run(
        _ validate: () throws(ValidationError) -> Void, path: (String) -> String,
        explain: (ValidationIssue) -> String = { $0.reason }
    ) throws(ShopifyWebhookError) {
        do {
            try validate()
        } catch {
            let issues = error.issues.map { ValidationIssue(field: path($0.field), reason: explain($0)) }
            throw ShopifyWebhookError(kind: .invalidRecord, topic: topic, issues: issues)
        }
    }

    /// `n` from a domain path such as `discounts[n].code` with the given prefix (`discounts`).
    static func index(in field: String, after prefix: String) -> Int? {
        guard field.hasPrefix(prefix + "[") else { return nil }
        return Int(field.dropFirst(prefix.count + 1).prefix { $0 != "]" })
    }

    /// What follows `prefix[n]` in a domain path: `.code` for `discounts[2].code`.
    static func suffix(of field: String) -> Substring {
        guard let close = field.firstIndex(of: "]") else { return "" }
        return field[field.index(after: close)...]
    }
}
