/// Time between purchase occasions, in days: percentiles over all gaps, and per category for the
/// categories with the most gaps (their replenishment cycle).
public struct ReportGaps: Hashable, Codable, Sendable {
    /// `nil` without any repeat purchase.
    public var overall: InterPurchaseStats?
    public var byCategory: [GroupedInterPurchase]
}

extension ReportGaps {
    /// Encodes every key, a missing figure as `null`, so the JSON report's keys are the same whatever the
    /// data.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(overall, forKey: .overall)
        try container.encode(byCategory, forKey: .byCategory)
    }
}
