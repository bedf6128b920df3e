/// How far a customer falls when a period ends without enough activity to keep their tier.
public enum DowngradeMode: String, Hashable, Sendable, Codable {
    /// One tier down per period end, however little was done.
    case oneAtATime = "one_at_a_time"
    /// Straight to the tier the period's activity qualifies for.
    case recompute
}
