public import FlywheelCore

/// What a retention report covers: the months of its series, the customers, the sections, and the shop's
/// name and zone for its title. The snapshot's instant is the report's "as of".
public struct RetentionReportOptions: Hashable, Sendable {
    /// The shop's name, shown in the title.
    public var shopName: String
    /// The first and last month of the monthly series and of the cohorts shown; `nil`: `through` is the
    /// snapshot's month, `from` the 24 months up to it (not before the first purchase).
    public var from: YearMonth?
    public var through: YearMonth?
    /// The customers every figure is over (segment counts excepted: they describe everyone).
    public var segment: CustomerFilter
    /// The sections to compute (`clv` needs a `ReportCLV` passed in).
    public var sections: Set<ReportSection>
    /// Categories listed with their own time between purchases.
    public var gapCategories: Int

    /// Options; by default every standard section over every customer for the last 24 months.
    public init(
        shopName: String, from: YearMonth? = nil, through: YearMonth? = nil, segment: CustomerFilter = .all,
        sections: Set<ReportSection> = ReportSection.standard, gapCategories: Int = 5
    ) {
        self.shopName = shopName
        self.from = from
        self.through = through
        self.segment = segment
        self.sections = sections
        self.gapCategories = gapCategories
    }

    /// Months shown by default when `from` is not given.
    public static let defaultMonths = 24
}
