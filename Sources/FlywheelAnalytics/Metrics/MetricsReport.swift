public import Foundation

/// The retention metrics of a range of periods and of the whole history, for one set of customers, as of
/// an instant: what `flywheel report` renders as text, JSON, CSV and HTML.
public struct MetricsReport: Hashable, Codable, Sendable {
    /// The shop's currency (ISO 4217); every `…Minor` amount is in its minor units.
    public var currency: String
    public var asOf: Date
    /// Which customers the figures are over.
    public var segment: CustomerFilter
    public var granularity: PeriodGranularity
    /// The margin the formula LTV applies, in basis points.
    public var marginBasisPoints: Int
    /// The lifecycle windows in force (churn, lapse).
    public var lapseWindow: LapseWindow
    /// One entry per period, oldest first.
    public var periods: [PeriodMetrics]
    public var allTime: AllTimeMetrics
    /// Records left out of every figure.
    public var excluded: ExcludedRecords
}
