/// The stages of the retention funnel, each a subset of the one before.
public enum FunnelStageName: String, Codable, Hashable, Sendable, CaseIterable {
    /// At least one purchase.
    case firstTime = "first_time"
    /// At least two purchase occasions.
    case `repeat` = "repeat"
    /// At least the loyal threshold of purchase occasions (default 3).
    case loyal
    /// Loyal, and a promoter (latest NPS 9–10), a reviewer or a referrer.
    case advocate
}
