/// How the CLV section predicts: the horizon of expected purchases, the CLV's months and discount rate,
/// and how many top customers it lists.
public struct ReportCLVOptions: Hashable, Sendable {
    /// Horizon of the expected purchases, in weeks.
    public var horizonWeeks: Double
    public var months: Int
    public var monthlyDiscountRate: Double
    public var topCustomers: Int

    /// Options; the defaults are a year ahead, lifetimes' 12 months at 1 % a month, the top 10.
    public init(
        horizonWeeks: Double = 52, months: Int = 12, monthlyDiscountRate: Double = 0.01, topCustomers: Int = 10
    ) {
        self.horizonWeeks = horizonWeeks
        self.months = months
        self.monthlyDiscountRate = monthlyDiscountRate
        self.topCustomers = topCustomers
    }
}
