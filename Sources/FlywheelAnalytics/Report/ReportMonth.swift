/// One month of the report's series, for its customers. Money in minor units; rates fractions 0…1; a
/// figure without data is `nil`.
public struct ReportMonth: Hashable, Codable, Sendable {
    /// `YYYY-MM`.
    public var month: String
    /// Whether the month ended before the report's instant (else its figures are so far).
    public var complete: Bool
    /// Customers with a purchase in the month; new ones (first purchase) and returning ones.
    public var customers: Int
    public var newCustomers: Int
    public var returningCustomers: Int
    /// Returning ÷ customers.
    public var repeatPurchaseRate: Double?
    public var orders: Int
    public var netRevenueMinor: Int64
    public var averageOrderValueMinor: Int64?
    /// Historical LTV (exact) of the customers acquired in the month, up to the report's instant.
    public var ltvMinor: Int64?
    /// Churn of the month against the learned lost window.
    public var churnRate: Double?
    /// NPS and CSAT of the answers given in the month.
    public var nps: ReportScore?
    public var csat: ReportScore?
}

extension ReportMonth {
    /// Encodes every key, a missing figure as `null`, so the JSON report's keys are the same whatever the
    /// data.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(month, forKey: .month)
        try container.encode(complete, forKey: .complete)
        try container.encode(customers, forKey: .customers)
        try container.encode(newCustomers, forKey: .newCustomers)
        try container.encode(returningCustomers, forKey: .returningCustomers)
        try container.encode(repeatPurchaseRate, forKey: .repeatPurchaseRate)
        try container.encode(orders, forKey: .orders)
        try container.encode(netRevenueMinor, forKey: .netRevenueMinor)
        try container.encode(averageOrderValueMinor, forKey: .averageOrderValueMinor)
        try container.encode(ltvMinor, forKey: .ltvMinor)
        try container.encode(churnRate, forKey: .churnRate)
        try container.encode(nps, forKey: .nps)
        try container.encode(csat, forKey: .csat)
    }
}
