/// Where an order's payment stands, in Shopify's vocabulary.
public enum FinancialStatus: String, Sendable, Hashable, CaseIterable {
    case pending
    case authorized
    case paid
    case partiallyPaid = "partially_paid"
    case partiallyRefunded = "partially_refunded"
    case refunded
    case voided

    /// Reads `paid`, `Partially Refunded`, `partially_refunded` …
    public init?(text: String) {
        let normalised = text.lowercased().replacingOccurrences(of: " ", with: "_")
        guard let status = FinancialStatus(rawValue: normalised) else { return nil }
        self = status
    }
}
