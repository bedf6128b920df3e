/// One monthly acquisition cohort followed month by month (index 0 = the month of the first purchase), up
/// to the report's instant.
public struct ReportCohortRow: Hashable, Codable, Sendable {
    /// `YYYY-MM`: the month of the first purchase.
    public var cohort: String
    public var customers: Int
    /// Customers of the cohort with a purchase in each month since, and their share of the cohort.
    public var activeCustomers: [Int]
    public var retention: [Double]
    /// Cumulative net revenue per cohort customer up to each month (the cohort's historical LTV curve).
    public var cumulativeRevenuePerCustomerMinor: [Int64]

    /// The report's form of a cohort row.
    public init(_ row: CohortRow) {
        cohort = row.cohort.description
        customers = row.customers
        activeCustomers = row.cells.map(\.activeCustomers)
        retention = row.cells.map(\.activeShare)
        cumulativeRevenuePerCustomerMinor = row.cells.map(\.cumulativeRevenuePerCustomerMinor)
    }
}
