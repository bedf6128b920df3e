/// One plain-language finding about what changed between the last two complete months (the dashboard's
/// "what changed and why"): which figure, of what, its value now and before, and how big the change is.
/// Renderers word it; the numbers are the report's own.
public struct ReportInsight: Hashable, Codable, Sendable {
    /// What the finding is about.
    public enum Kind: String, Hashable, Codable, Sendable {
        /// The month's repeat purchase rate (returning ÷ customers with a purchase).
        case repeatRate = "repeat_rate"
        /// The share of a cohort buying again in the month after its first purchase, against the cohort before.
        case cohortSecondMonth = "cohort_second_month"
        /// New customers acquired in the month.
        case newCustomers = "new_customers"
        /// Net revenue of the month.
        case revenue
        /// Average order value of the month.
        case averageOrderValue = "average_order_value"
        /// NPS of the answers given in the month.
        case nps
    }

    public var kind: Kind
    /// The month (`YYYY-MM`) the value is of, and the month it is compared with (for cohorts: the cohorts).
    public var period: String
    public var previousPeriod: String
    /// The values: rates as fractions, money in minor units, NPS −100…100, counts.
    public var value: Double
    public var previousValue: Double
    /// value ÷ previous − 1 (`nil` when the previous value is 0); NPS and rates also by their difference.
    public var relativeChange: Double?
    public var difference: Double

    public init(
        kind: Kind, period: String, previousPeriod: String, value: Double, previousValue: Double,
        relativeChange: Double?, difference: Double
    ) {
        self.kind = kind
        self.period = period
        self.previousPeriod = previousPeriod
        self.value = value
        self.previousValue = previousValue
        self.relativeChange = relativeChange
        self.difference = difference
    }
}
