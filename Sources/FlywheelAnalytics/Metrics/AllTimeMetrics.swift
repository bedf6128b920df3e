/// The figures over the whole history up to the snapshot's instant, for one set of customers.
/// Money in minor units; rates are fractions (0…1).
public struct AllTimeMetrics: Hashable, Codable, Sendable {
    /// Customers the set holds (prospects included), buyers, buyers with at least two purchase occasions,
    /// and with at least the loyal threshold.
    public var customers: Int
    public var buyers: Int
    public var repeatBuyers: Int
    public var loyalBuyers: Int
    /// Repeat purchase rate: repeat buyers ÷ buyers.
    public var repeatPurchaseRate: Double?
    public var orders: Int
    public var purchaseOccasions: Int
    public var cancelledOrders: Int
    public var fullyRefundedOrders: Int
    /// Occasions ÷ buyers and purchases ÷ buyers.
    public var purchaseFrequency: Double?
    public var ordersPerCustomer: Double?
    public var grossRevenueMinor: Int64
    public var refundedMinor: Int64
    public var netRevenueMinor: Int64
    public var averageOrderValueMinor: Int64?
    /// Historical LTV over all buyers.
    public var ltv: HistoricalLTV?
    /// Buyers acquired with a discount code.
    public var discountAcquired: Int
    /// All gaps between purchase occasions.
    public var interPurchase: InterPurchaseStats?
    /// Of repeat buyers whose repeat purchases name categories, those who bought a new category on a repeat
    /// occasion; of all repeat buyers, those with a repeat occasion worth more than their first.
    public var crossCategoryRate: Double?
    public var upsellRate: Double?
    /// CAC per channel over the whole history, LTV:CAC.
    public var acquisition: AcquisitionCost
    /// NPS, CSAT, loyalty index, reviews over the whole history.
    public var feedback: FeedbackMetrics
}
