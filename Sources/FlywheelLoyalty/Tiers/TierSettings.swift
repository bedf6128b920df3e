/// How a programme's tiers work: what qualifies, over which window, the tiers from lowest to highest, and
/// how customers fall.
public struct TierSettings: Hashable, Sendable, Codable {
    /// What counts towards a tier.
    public var basis: QualifyingBasis
    /// The window it is counted over.
    public var period: TierPeriod
    /// The tiers, lowest first, with strictly increasing entry thresholds.
    public var tiers: [Tier]
    /// How far a customer falls at a period end.
    public var downgrade: DowngradeMode
    /// Days after a period end before a downgrade takes effect; reaching the tier's retention threshold in
    /// the new period during them cancels it.
    public var graceDays: Int

    /// Settings; see the properties.
    public init(
        basis: QualifyingBasis, period: TierPeriod, tiers: [Tier], downgrade: DowngradeMode = .recompute,
        graceDays: Int = 0
    ) {
        self.basis = basis
        self.period = period
        self.tiers = tiers
        self.downgrade = downgrade
        self.graceDays = graceDays
    }

    enum CodingKeys: String, CodingKey {
        case basis, period, tiers, downgrade
        case graceDays = "grace_days"
    }

    /// `downgrade` (default `recompute`) and `grace_days` (default 0) are optional.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            basis: try c.decode(QualifyingBasis.self, forKey: .basis),
            period: try c.decode(TierPeriod.self, forKey: .period), tiers: try c.decode([Tier].self, forKey: .tiers),
            downgrade: try c.decodeIfPresent(DowngradeMode.self, forKey: .downgrade) ?? .recompute,
            graceDays: try c.decodeIfPresent(Int.self, forKey: .graceDays) ?? 0)
    }
}
