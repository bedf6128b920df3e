public import FlywheelCore

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
    /// Revenue per treatment customer minus revenue per holdout customer, times the treatment group (rounded
    /// to the nearest minor unit); `nil` without a holdout or when the two revenues' currencies differ.
    public var incrementalRevenue: Money?

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
        if counts.entered > 0, counts.holdoutEntered > 0, counts.revenue.currency == counts.holdoutRevenue.currency {
            let perTreated = Double(counts.revenue.minorUnits) / Double(counts.entered)
            let perHeldOut = Double(counts.holdoutRevenue.minorUnits) / Double(counts.holdoutEntered)
            incrementalRevenue = Money(
                minorUnits: Int64(((perTreated - perHeldOut) * Double(counts.entered)).rounded()),
                currency: counts.revenue.currency)
        }
    }
}
