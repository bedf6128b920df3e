/// How the lifecycle windows are learned from the shop's own gaps between consecutive purchase occasions:
/// a customer is lapsing once the time since the last purchase exceeds the `activeQuantile` of all gaps,
/// and lost once it exceeds the `lostQuantile`. With fewer than `minimumGaps` gaps the fallback windows
/// apply (the seeds' example values).
public struct LapseRule: Hashable, Codable, Sendable {
    /// Quantile of the gaps after which a customer is lapsing (default 0.75).
    public var activeQuantile: Double
    /// Quantile of the gaps after which a customer is lost (default 0.9).
    public var lostQuantile: Double
    /// Gaps needed before the windows are learned (default 30).
    public var minimumGaps: Int
    /// Windows used while there are too few gaps (default 60 and 90 days).
    public var fallbackActiveDays: Int
    public var fallbackLostDays: Int

    /// A rule with the documented defaults unless given.
    public init(
        activeQuantile: Double = 0.75, lostQuantile: Double = 0.9, minimumGaps: Int = 30, fallbackActiveDays: Int = 60,
        fallbackLostDays: Int = 90
    ) {
        precondition(
            0 < activeQuantile && activeQuantile <= lostQuantile && lostQuantile <= 1, "0 < active ≤ lost ≤ 1")
        precondition(fallbackActiveDays >= 1 && fallbackActiveDays <= fallbackLostDays, "1 ≤ active ≤ lost days")
        self.activeQuantile = activeQuantile
        self.lostQuantile = lostQuantile
        self.minimumGaps = minimumGaps
        self.fallbackActiveDays = fallbackActiveDays
        self.fallbackLostDays = fallbackLostDays
    }

    /// The windows this rule gives for a gap distribution.
    func window(from gaps: GapHistogram) -> LapseWindow {
        guard gaps.total >= Int64(max(minimumGaps, 1)), let active = gaps.quantile(activeQuantile),
            let lost = gaps.quantile(lostQuantile)
        else {
            return LapseWindow(
                activeDays: fallbackActiveDays, lostDays: fallbackLostDays, learned: false, gaps: Int(gaps.total))
        }
        let activeDays = max(1, Int(active.rounded(.up)))
        return LapseWindow(
            activeDays: activeDays, lostDays: max(activeDays, Int(lost.rounded(.up))), learned: true,
            gaps: Int(gaps.total))
    }
}
