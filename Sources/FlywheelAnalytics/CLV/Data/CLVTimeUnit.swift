/// The unit of the CLV models' time axis: recency, age, horizons and the rate parameters α and β.
public enum CLVTimeUnit: String, Sendable, Hashable, Codable, CaseIterable {
    /// One day.
    case day
    /// Seven days (the literature's unit for CDNOW).
    case week

    /// Days per unit.
    public var days: Int {
        switch self {
        case .day: 1
        case .week: 7
        }
    }

    /// Units per month in the CLV sum, as Python lifetimes' `customer_lifetime_value` has them (30 days,
    /// 4.345 weeks), so the two give the same numbers.
    public var unitsPerMonth: Double {
        switch self {
        case .day: 30
        case .week: 4.345
        }
    }
}
