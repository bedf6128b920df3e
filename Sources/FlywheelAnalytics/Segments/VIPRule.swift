/// Who counts as a VIP: the top share of buyers by net spend, or everyone who reaches given thresholds.
public enum VIPRule: Hashable, Codable, Sendable {
    /// Buyers of whom fewer than `basisPoints` / 10,000 of all buyers spent more (ties at the boundary are
    /// all in): `.topShare(basisPoints: 1_000)` is the top 10 %.
    case topShare(basisPoints: Int)
    /// Buyers who reach every threshold given: net spend of at least `minimumSpendMinor`, at least
    /// `minimumPurchases` purchase occasions.
    case thresholds(minimumSpendMinor: Int64?, minimumPurchases: Int?)
}
