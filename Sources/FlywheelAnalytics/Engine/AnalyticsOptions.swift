/// The knobs of the analytics engine; every default is documented in `docs/metrics.md`.
public struct AnalyticsOptions: Hashable, Codable, Sendable {
    /// The gross margin for the seeds' LTV (AOV × orders × margin), in basis points: 3,000 = 30 %.
    /// The default, 100 %, makes that LTV a revenue figure.
    public var marginBasisPoints: Int
    /// Purchase occasions from which a customer counts as loyal (funnel, lifecycle stage).
    public var loyalPurchases: Int
    /// How the active and lost windows are learned from the shop's gaps between purchases.
    public var lapse: LapseRule
    /// Who is a VIP.
    public var vip: VIPRule

    /// Options with the documented defaults unless given.
    public init(
        marginBasisPoints: Int = 10_000, loyalPurchases: Int = 3, lapse: LapseRule = LapseRule(),
        vip: VIPRule = .topShare(basisPoints: 1_000)
    ) {
        precondition((0...10_000).contains(marginBasisPoints), "the margin is 0...10000 basis points")
        precondition(loyalPurchases >= 2, "loyal needs at least two purchases")
        self.marginBasisPoints = marginBasisPoints
        self.loyalPurchases = loyalPurchases
        self.lapse = lapse
        self.vip = vip
    }
}
