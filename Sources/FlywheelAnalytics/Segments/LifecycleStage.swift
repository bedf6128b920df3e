/// Where a customer stands, as of an instant, judged against the shop's learned lapse windows.
///
/// In order of precedence: no purchase → prospect; last purchase more than the lost window ago → lost;
/// more than the active window ago → lapsing; one purchase occasion → new; at least the loyal threshold
/// of occasions → loyal; otherwise active.
public enum LifecycleStage: String, Codable, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case prospect
    case new
    case active
    case loyal
    case lapsing
    case lost

    /// The stage of a customer with `occasions` purchase occasions, the last `daysSinceLast` days ago.
    static func of(occasions: Int, daysSinceLast: Int, window: LapseWindow, loyalPurchases: Int) -> LifecycleStage {
        if occasions == 0 { return .prospect }
        if daysSinceLast > window.lostDays { return .lost }
        if daysSinceLast > window.activeDays { return .lapsing }
        if occasions == 1 { return .new }
        return occasions >= loyalPurchases ? .loyal : .active
    }

    /// The English name.
    public var description: String { rawValue.capitalized }
}
