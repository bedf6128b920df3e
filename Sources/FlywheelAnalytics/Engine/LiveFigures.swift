public import Foundation

/// The figures the engine keeps as sums, read straight from them: the period containing an instant (as in
/// `PeriodMetrics`) and the whole history (as in `AllTimeMetrics`). Current the moment `apply` returns —
/// no pass over the customers — so a live view shows a new order at once. Churn, the gaps between purchases
/// and feedback are not here: they are judged against windows learned from every customer's purchases and
/// need a pass (`AnalyticsEngine.snapshot`), about half a second at 10 M orders (docs/metrics.md, "Live figures").
public struct LiveFigures: Hashable, Codable, Sendable {
    /// The instant the figures are for; every order held counts (the live view: not before the newest order).
    public var asOf: Date
    /// The period containing `asOf` and its kept figures.
    public var period: Period
    public var customers: Int
    public var newCustomers: Int
    public var returningCustomers: Int
    /// Returning ÷ customers of the period.
    public var repeatPurchaseRate: Double?
    public var orders: Int
    public var netRevenueMinor: Int64
    public var averageOrderValueMinor: Int64?
    /// Over the whole history held.
    public var buyers: Int
    public var repeatBuyers: Int
    public var loyalBuyers: Int
    public var allTimeRepeatPurchaseRate: Double?
    public var allTimeOrders: Int
    public var allTimeNetRevenueMinor: Int64
    public var allTimeAverageOrderValueMinor: Int64?
}
