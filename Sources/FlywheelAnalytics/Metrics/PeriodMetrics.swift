/// Every retention figure of one period for one set of customers (definitions: `docs/metrics.md`).
/// Money in minor units of the shop's currency; rates are fractions (0…1) unless named score.
public struct PeriodMetrics: Hashable, Codable, Sendable {
    public var period: Period
    /// First and last local day, `YYYY-MM-DD`.
    public var firstDay: String
    public var lastDay: String
    /// Whether the period ended before the snapshot's instant (else its figures are so far).
    public var complete: Bool

    /// Customers with a purchase in the period; of them, new (first purchase in the period) and returning
    /// (a purchase in the period on a day after their first purchase day).
    public var customers: Int
    public var newCustomers: Int
    public var returningCustomers: Int
    /// Repeat purchase rate: returning ÷ customers.
    public var repeatPurchaseRate: Double?

    /// Purchases (orders that count), purchase occasions (customer-days with a purchase), purchases not
    /// on the customer's first purchase day; cancelled and fully refunded orders (not purchases).
    public var orders: Int
    public var purchaseOccasions: Int
    public var repeatOrders: Int
    public var cancelledOrders: Int
    public var fullyRefundedOrders: Int
    /// Purchase frequency: occasions ÷ customers; and orders ÷ customers.
    public var purchaseFrequency: Double?
    public var ordersPerCustomer: Double?

    /// Revenue of the purchases before and after refunds, refunds on all non-cancelled orders, net revenue
    /// of repeat purchases; average order value (net ÷ purchases).
    public var grossRevenueMinor: Int64
    public var refundedMinor: Int64
    public var netRevenueMinor: Int64
    public var repeatNetRevenueMinor: Int64
    public var averageOrderValueMinor: Int64?

    /// Historical LTV of the customers acquired in the period, up to the snapshot's instant.
    public var acquiredLTV: HistoricalLTV?
    /// New customers whose first purchase carried a discount code.
    public var discountAcquired: Int
    /// CAC per channel and blended, LTV:CAC.
    public var acquisition: AcquisitionCost
    /// Churn against the learned lost window (`nil` for a period starting after the snapshot's instant).
    public var churn: ChurnFigures?
    /// Gaps that ended in the period (the later occasion in it).
    public var interPurchase: InterPurchaseStats?
    /// Of the returning customers whose repeat purchases name categories, the share who bought a category
    /// they had never bought before (cross-category rate); of all returning customers, the share with a
    /// repeat occasion worth more than their first (upsell rate).
    public var crossCategoryRate: Double?
    public var upsellRate: Double?
    /// NPS, CSAT, loyalty index, reviews of the period.
    public var feedback: FeedbackMetrics
}
