/// A paid membership (Prime-style): a fee per period and the perks members get while it is paid.
public struct MembershipTerms: Hashable, Sendable, Codable {
    /// The fee per period, in minor units of the programme's currency; positive.
    public var feeMinor: Int64
    /// The period one fee pays for, in months; at least 1.
    public var periodMonths: Int
    /// Free days before the first fee; 0 for none.
    public var trialDays: Int
    /// Free shipping on every order.
    public var freeShipping: Bool
    /// Free fast (express) shipping.
    public var fastShipping: Bool
    /// Member prices: percent off eligible products (0…100).
    public var memberPricePercentOff: Int64
    /// Categories the member price applies to; empty for all.
    public var memberPriceCategories: [String]

    /// Terms; see the properties.
    public init(
        feeMinor: Int64, periodMonths: Int, trialDays: Int = 0, freeShipping: Bool = false, fastShipping: Bool = false,
        memberPricePercentOff: Int64 = 0, memberPriceCategories: [String] = []
    ) {
        self.feeMinor = feeMinor
        self.periodMonths = periodMonths
        self.trialDays = trialDays
        self.freeShipping = freeShipping
        self.fastShipping = fastShipping
        self.memberPricePercentOff = memberPricePercentOff
        self.memberPriceCategories = memberPriceCategories
    }

    enum CodingKeys: String, CodingKey {
        case feeMinor = "fee_minor"
        case periodMonths = "period_months"
        case trialDays = "trial_days"
        case freeShipping = "free_shipping"
        case fastShipping = "fast_shipping"
        case memberPricePercentOff = "member_price_percent_off"
        case memberPriceCategories = "member_price_categories"
    }

    /// Fee and period are required; the perks default to off.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            feeMinor: try c.decode(Int64.self, forKey: .feeMinor),
            periodMonths: try c.decode(Int.self, forKey: .periodMonths),
            trialDays: try c.decodeIfPresent(Int.self, forKey: .trialDays) ?? 0,
            freeShipping: try c.decodeIfPresent(Bool.self, forKey: .freeShipping) ?? false,
            fastShipping: try c.decodeIfPresent(Bool.self, forKey: .fastShipping) ?? false,
            memberPricePercentOff: try c.decodeIfPresent(Int64.self, forKey: .memberPricePercentOff) ?? 0,
            memberPriceCategories: try c.decodeIfPresent([String].self, forKey: .memberPriceCategories) ?? [])
    }
}
