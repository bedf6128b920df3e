/// How customers earn points: per currency unit of an order, fixed points per action with caps, product and
/// category multipliers, event boosts and the tier multiplier. A pure value; `Codable` so a programme file can
/// hold it.
///
/// Rounding is always down and happens as late as possible; see `points(for:context:)` and `docs/loyalty.md`.
public struct EarningRules: Hashable, Sendable, Codable {
    /// The ISO 4217 code of the currency orders must be in, e.g. `EUR`.
    public var currency: String
    /// Points per whole currency unit (per euro, not per cent) of the eligible amount.
    public var pointsPerUnit: Int64
    /// Whether shipping earns points.
    public var includeShipping: Bool
    /// Whether tax earns points (tax added on top is added; tax included in prices is taken out when not).
    public var includeTax: Bool
    /// Fixed points per action; actions not listed earn nothing.
    public var actionPoints: [EarningAction: Int64]
    /// Caps per action and period; actions not listed are uncapped.
    public var actionCaps: [EarningAction: ActionCap]
    /// Multipliers by SKU; a SKU multiplier wins over the line's category multiplier.
    public var skuMultipliers: [String: Multiplier]
    /// Multipliers by product category.
    public var categoryMultipliers: [String: Multiplier]
    /// Event boosts; every boost that applies adds its extra.
    public var boosts: [EarningBoost]

    /// Rules earning `pointsPerUnit` per unit of `currency`, nothing else unless given.
    public init(
        currency: String, pointsPerUnit: Int64, includeShipping: Bool = false, includeTax: Bool = false,
        actionPoints: [EarningAction: Int64] = [:], actionCaps: [EarningAction: ActionCap] = [:],
        skuMultipliers: [String: Multiplier] = [:], categoryMultipliers: [String: Multiplier] = [:],
        boosts: [EarningBoost] = []
    ) {
        self.currency = currency
        self.pointsPerUnit = pointsPerUnit
        self.includeShipping = includeShipping
        self.includeTax = includeTax
        self.actionPoints = actionPoints
        self.actionCaps = actionCaps
        self.skuMultipliers = skuMultipliers
        self.categoryMultipliers = categoryMultipliers
        self.boosts = boosts
    }

    /// The programme file's keys, in snake case.
    enum CodingKeys: String, CodingKey {
        case currency
        case pointsPerUnit = "points_per_unit"
        case includeShipping = "include_shipping"
        case includeTax = "include_tax"
        case actionPoints = "action_points"
        case actionCaps = "action_caps"
        case skuMultipliers = "sku_multipliers"
        case categoryMultipliers = "category_multipliers"
        case boosts
    }

    /// Decodes rules from a programme file; only `currency` and `pointsPerUnit` are required, every other key
    /// defaults to off or empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            currency: try container.decode(String.self, forKey: .currency),
            pointsPerUnit: try container.decode(Int64.self, forKey: .pointsPerUnit),
            includeShipping: try container.decodeIfPresent(Bool.self, forKey: .includeShipping) ?? false,
            includeTax: try container.decodeIfPresent(Bool.self, forKey: .includeTax) ?? false,
            actionPoints: try container.decodeIfPresent([EarningAction: Int64].self, forKey: .actionPoints) ?? [:],
            actionCaps: try container.decodeIfPresent([EarningAction: ActionCap].self, forKey: .actionCaps) ?? [:],
            skuMultipliers: try container.decodeIfPresent([String: Multiplier].self, forKey: .skuMultipliers) ?? [:],
            categoryMultipliers: try container.decodeIfPresent([String: Multiplier].self, forKey: .categoryMultipliers)
                ?? [:],
            boosts: try container.decodeIfPresent([EarningBoost].self, forKey: .boosts) ?? [])
    }
}
