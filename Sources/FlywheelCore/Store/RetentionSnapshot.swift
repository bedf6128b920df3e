/// The few numbers `flywheel demo` prints until the dashboard exists: counted over orders that were not
/// cancelled. Refunds are subtracted from revenue.
public struct RetentionSnapshot: Hashable, Sendable {
    /// Customers with at least one order.
    public var buyers: Int
    /// Customers with at least two orders.
    public var repeatBuyers: Int
    public var orders: Int
    /// Revenue per currency, net of refunds (minor units).
    public var revenue: [Money]

    public init(buyers: Int, repeatBuyers: Int, orders: Int, revenue: [Money]) {
        self.buyers = buyers
        self.repeatBuyers = repeatBuyers
        self.orders = orders
        self.revenue = revenue
    }

    /// Repeat purchase rate: repeat buyers over buyers (0 when nobody bought).
    public var repeatPurchaseRate: Double { buyers == 0 ? 0 : Double(repeatBuyers) / Double(buyers) }
}
