/// The additive figures of one cohort cell (a cohort's customers in one month since their first purchase).
struct CohortFigures: AdditiveCell {
    /// Customers of the cohort with a purchase in that month.
    var activeCustomers: Int64 = 0
    var orders: Int64 = 0
    var netRevenue: Int64 = 0

    static let zero = CohortFigures()
}
