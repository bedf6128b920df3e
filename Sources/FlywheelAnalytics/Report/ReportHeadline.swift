/// The report's headline figures. Lifetime figures are over the whole history up to the report's instant;
/// the range figures (new customers, orders, revenue, churn) over its months. A figure without data is
/// `nil` ("no data"), never 0. Money in minor units of the report's currency; rates are fractions 0…1.
public struct ReportHeadline: Hashable, Codable, Sendable {
    /// Customers known (prospects included), buyers, buyers with two or more purchase occasions, and with
    /// at least the loyal threshold.
    public var customers: Int
    public var buyers: Int
    public var repeatBuyers: Int
    public var loyalBuyers: Int
    /// Purchases (orders that count) and their net revenue over the whole history.
    public var orders: Int
    public var netRevenueMinor: Int64
    /// Repeat purchase rate: repeat buyers ÷ buyers.
    public var repeatPurchaseRate: Double?
    /// Purchase occasions ÷ buyers.
    public var purchaseFrequency: Double?
    /// Net revenue ÷ purchases.
    public var averageOrderValueMinor: Int64?
    /// Historical LTV per buyer: the exact sum of what they spent, and the seeds' AOV × orders × margin.
    public var ltvExactMinor: Int64?
    public var ltvFormulaMinor: Int64?
    /// The margin the formula applies, in basis points (10,000 = 100 %).
    public var marginBasisPoints: Int

    /// Over the report's months: customers acquired, purchases and their net revenue.
    public var rangeNewCustomers: Int
    public var rangeOrders: Int
    public var rangeNetRevenueMinor: Int64
    /// Monthly churn over the report's months, pooled: Σ churned ÷ Σ customers alive at a month's start.
    public var monthlyChurnRate: Double?
    public var churnedCustomers: Int

    /// Marketing spend and CAC per channel over the whole history, when there is any spend (else empty).
    public var channels: [ReportChannel]
    /// All spend ÷ all new customers; `nil` without spend.
    public var blendedCacMinor: Int64?

    /// NPS (latest answer per customer), CSAT and the three-question loyalty index over the whole history.
    public var nps: ReportScore?
    public var csat: ReportScore?
    public var loyaltyIndex: Double?
}

extension ReportHeadline {
    /// Encodes every key, a missing figure as `null`, so the JSON report's keys are the same whatever the
    /// data.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(customers, forKey: .customers)
        try container.encode(buyers, forKey: .buyers)
        try container.encode(repeatBuyers, forKey: .repeatBuyers)
        try container.encode(loyalBuyers, forKey: .loyalBuyers)
        try container.encode(orders, forKey: .orders)
        try container.encode(netRevenueMinor, forKey: .netRevenueMinor)
        try container.encode(repeatPurchaseRate, forKey: .repeatPurchaseRate)
        try container.encode(purchaseFrequency, forKey: .purchaseFrequency)
        try container.encode(averageOrderValueMinor, forKey: .averageOrderValueMinor)
        try container.encode(ltvExactMinor, forKey: .ltvExactMinor)
        try container.encode(ltvFormulaMinor, forKey: .ltvFormulaMinor)
        try container.encode(marginBasisPoints, forKey: .marginBasisPoints)
        try container.encode(rangeNewCustomers, forKey: .rangeNewCustomers)
        try container.encode(rangeOrders, forKey: .rangeOrders)
        try container.encode(rangeNetRevenueMinor, forKey: .rangeNetRevenueMinor)
        try container.encode(monthlyChurnRate, forKey: .monthlyChurnRate)
        try container.encode(churnedCustomers, forKey: .churnedCustomers)
        try container.encode(channels, forKey: .channels)
        try container.encode(blendedCacMinor, forKey: .blendedCacMinor)
        try container.encode(nps, forKey: .nps)
        try container.encode(csat, forKey: .csat)
        try container.encode(loyaltyIndex, forKey: .loyaltyIndex)
    }
}
