/// Additive all-time figures (up to the cutoff) over customers.
struct LifetimeCell: AdditiveCell {
    /// Customers with at least one purchase, at least two purchase occasions, at least the loyal threshold.
    var buyers: Int64 = 0
    var repeatBuyers: Int64 = 0
    var loyalBuyers: Int64 = 0
    var orders: Int64 = 0
    var occasions: Int64 = 0
    var netRevenue: Int64 = 0
    var grossRevenue: Int64 = 0
    var refunded: Int64 = 0
    var cancelledOrders: Int64 = 0
    var fullyRefundedOrders: Int64 = 0
    /// Buyers whose first purchase carried a discount code.
    var discountAcquired: Int64 = 0
    /// Repeat buyers whose repeat purchases name categories; those who bought a new category on a repeat
    /// occasion; those with a repeat occasion worth more than their first.
    var repeatWithCategories: Int64 = 0
    var repeatWithNewCategory: Int64 = 0
    var repeatWithHigherValue: Int64 = 0

    static let zero = LifetimeCell()
}
