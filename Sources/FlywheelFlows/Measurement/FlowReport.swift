/// A flow's report: the funnel rates and the lift against its holdout group.
public struct FlowReport: Hashable, Sendable {
    public var counts: FlowCounts
    /// delivered ÷ sent
    public var deliveryRate: Double?
    /// opened ÷ delivered
    public var openRate: Double?
    /// clicked ÷ delivered
    public var clickRate: Double?
    /// converted ÷ entered (the treatment group's repeat rate)
    public var conversionRate: Double?
    /// holdoutConverted ÷ holdoutEntered
    public var holdoutConversionRate: Double?
    /// Incremental repeat rate (treatment − holdout) with Newcombe's hybrid score interval; `nil` without a
    /// holdout.
    public var incrementalRepeatRate: ProportionInterval?
    /// Revenue per treatment customer minus revenue per holdout customer, times the treatment group, in minor
    /// units (rounded to the nearest unit); `nil` without a holdout.
    public var incrementalRevenueMinor: Int64?

    /// The report of `counts` at confidence quantile `z` (1.96 for 95 %).
    public init(counts: FlowCounts, z: Double = ProportionInterval.z95) {
        self.counts = counts
        func rate(_ a: Int, _ b: Int) -> Double? { b > 0 ? Double(a) / Double(b) : nil }
        deliveryRate = rate(counts.delivered, counts.sent)
        openRate = rate(counts.opened, counts.delivered)
        clickRate = rate(counts.clicked, counts.delivered)
        conversionRate = rate(counts.converted, counts.entered)
        holdoutConversionRate = rate(counts.holdoutConverted, counts.holdoutEntered)
        incrementalRepeatRate = ProportionInterval.newcombeDifference(
            successes1: counts.converted, trials1: counts.entered, successes2: counts.holdoutConverted,
            trials2: counts.holdoutEntered, z: z)
        if counts.entered > 0, counts.holdoutEntered > 0 {
            let perTreated = Double(counts.revenueMinor) / Double(counts.entered)
            let perHeldOut = Double(counts.holdoutRevenueMinor) / Double(counts.holdoutEntered)
            incrementalRevenueMinor = Int64(((perTreated - perHeldOut) * Double(counts.entered)).rounded())
        }
    }
}
