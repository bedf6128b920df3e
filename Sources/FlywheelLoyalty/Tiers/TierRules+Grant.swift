public import Foundation

extension TierRules {
    /// Until when a tier granted at `instant` (a member switching in from another provider) is kept at least:
    /// the end of the tier period containing `instant` (calendar year, N-day period), 12 months of monthly
    /// reviews for rolling windows, `nil` (no end) for lifetime tiers.
    public func grantEnd(grantedAt instant: Date) -> Date? {
        let index = periodIndex(of: instant)
        switch settings.period {
        case .lifetime: return nil
        case .rolling12Months: return periodStart(index: index + 12)
        case .calendarYear, .everyNDays: return periodStart(index: index + 1)
        }
    }
}
