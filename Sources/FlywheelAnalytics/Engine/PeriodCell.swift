/// The additive figures of one period (all counts of customers, orders and money; money in minor units).
struct PeriodCell: AdditiveCell {
    /// Purchases (orders that count).
    var orders: Int64 = 0
    /// Purchase occasions (customer-days with a purchase).
    var occasions: Int64 = 0
    /// Net revenue of the purchases (after refunds).
    var netRevenue: Int64 = 0
    /// Gross revenue of the purchases (before refunds).
    var grossRevenue: Int64 = 0
    /// Refunded on purchases and on fully refunded orders.
    var refunded: Int64 = 0
    /// Customers with a purchase in the period.
    var customers: Int64 = 0
    /// Customers whose first purchase was in the period.
    var newCustomers: Int64 = 0
    /// Customers with a purchase in the period on a day after their first purchase day.
    var returningCustomers: Int64 = 0
    /// Purchases not on the customer's first purchase day, and their net revenue.
    var repeatOrders: Int64 = 0
    var repeatNetRevenue: Int64 = 0
    /// Cancelled orders, and orders refunded in full.
    var cancelledOrders: Int64 = 0
    var fullyRefundedOrders: Int64 = 0
    /// Returning customers whose repeat purchases in the period name categories; those who bought a category
    /// they had never bought before; those with a repeat occasion worth more than their first.
    var returningWithCategories: Int64 = 0
    var returningWithNewCategory: Int64 = 0
    var returningWithHigherValue: Int64 = 0
    /// Over the customers acquired in the period: their purchases and net revenue up to the cutoff, and how
    /// many were acquired with a discount.
    var acquiredLifetimeOrders: Int64 = 0
    var acquiredLifetimeNet: Int64 = 0
    var acquiredDiscounted: Int64 = 0

    static let zero = PeriodCell()
}
