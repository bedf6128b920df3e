/// What to predict for each customer: the horizon of the expected purchases and the CLV's months and
/// discount rate.
public struct CLVForecastOptions: Sendable, Hashable, Codable {
    /// Horizon of `expectedPurchases`, in the summary's time unit (39 for the CDNOW holdout in weeks).
    public var horizon: Double
    /// Months in the CLV sum.
    public var months: Int
    /// Discount rate per month (0.01: 1 % a month, about 12.7 % a year).
    public var monthlyDiscountRate: Double
    /// Length of a month in the time unit; `nil` for lifetimes' convention (`CLVTimeUnit.unitsPerMonth`).
    public var unitsPerMonth: Double?

    /// Options; the defaults are lifetimes' `customer_lifetime_value` defaults (12 months, 1 % a month).
    public init(horizon: Double, months: Int = 12, monthlyDiscountRate: Double = 0.01, unitsPerMonth: Double? = nil) {
        self.horizon = horizon
        self.months = months
        self.monthlyDiscountRate = monthlyDiscountRate
        self.unitsPerMonth = unitsPerMonth
    }
}
