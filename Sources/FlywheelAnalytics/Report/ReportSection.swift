/// The parts of a retention report; a report can be asked for some of them only (the benchmark's
/// "cohorts and RFM" run, a quick headline).
public enum ReportSection: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
    /// Headline figures: RPR, frequency, AOV, LTV, churn, CAC, NPS / CSAT / loyalty index.
    case headline
    /// Month by month: customers, revenue, RPR, LTV, churn, NPS.
    case monthly
    /// The monthly acquisition cohorts' retention and cumulative revenue.
    case cohorts
    /// First-time → repeat → loyal → advocate.
    case funnel
    /// Lifecycle stages with the learned lapse window, RFM segments, VIPs.
    case segments
    /// Time between purchases: percentiles overall and per category.
    case gaps
    /// Predictive CLV: BG/NBD and Gamma-Gamma parameters, expected purchases, top customers.
    case clv

    /// Every section but `clv` (which fits models and is asked for explicitly).
    public static let standard: Set<ReportSection> = Set(allCases).subtracting([.clv])

    public static func < (lhs: ReportSection, rhs: ReportSection) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
