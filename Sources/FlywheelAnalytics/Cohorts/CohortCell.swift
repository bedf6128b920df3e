/// One cell of a cohort: its customers in one month since their first purchase. Money in minor units.
public struct CohortCell: Hashable, Codable, Sendable {
    /// 0 = the month of the first purchase.
    public var monthsSinceFirst: Int
    /// Customers of the cohort with a purchase in that month, and their share of the cohort.
    public var activeCustomers: Int
    public var activeShare: Double
    public var orders: Int
    public var revenueMinor: Int64
    /// Revenue ÷ cohort customers, that month and cumulated up to it (the cohort's cumulative LTV).
    public var revenuePerCustomerMinor: Int64
    public var cumulativeRevenuePerCustomerMinor: Int64
}
