/// The distribution of gaps between a customer's consecutive purchase occasions, in whole days (several
/// orders on one day are one occasion, so every gap is at least a day). Quantiles interpolate linearly
/// between closest ranks (type 7, as numpy and pandas).
public struct InterPurchaseStats: Hashable, Codable, Sendable {
    /// Gaps observed.
    public var gaps: Int
    public var meanDays: Double
    public var minDays: Int
    public var p25Days: Double
    public var medianDays: Double
    public var p75Days: Double
    public var p90Days: Double
    public var p95Days: Double
    public var maxDays: Int

    /// The statistics of a histogram; `nil` without gaps.
    init?(_ histogram: GapHistogram) {
        guard histogram.total > 0, let mean = histogram.mean else { return nil }
        gaps = Int(histogram.total)
        meanDays = mean
        minDays = histogram.value(atRank: 0)
        p25Days = histogram.quantile(0.25)!
        medianDays = histogram.quantile(0.5)!
        p75Days = histogram.quantile(0.75)!
        p90Days = histogram.quantile(0.9)!
        p95Days = histogram.quantile(0.95)!
        maxDays = histogram.value(atRank: histogram.total - 1)
    }
}
