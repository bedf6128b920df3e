public import Foundation

/// A whole loyalty programme, one version of it: name and look, currency and point value, earning rules,
/// rewards, tiers, referral terms, expiry, badges and challenges, paid membership. A pure `Codable` value
/// read from a JSON file with snake_case keys (`Programme.load(from:)` validates it).
///
/// Versions never change once in force: a change is a new version with a later `effectiveFrom`
/// (`ProgrammeHistory`). Cashback is points worth one minor unit each (`point_value` 1:1) paid out as a
/// `store_credit` reward; see `docs/loyalty.md`.
public struct Programme: Hashable, Sendable, Codable {
    /// A stable id of the programme (the same across versions), e.g. `default`.
    public var id: String
    /// The version number; later versions have larger numbers.
    public var version: Int
    /// When this version starts to apply (UTC).
    public var effectiveFrom: Date
    /// The programme's name, e.g. `The Inner Circle`.
    public var name: String
    /// Colours, logo and texts.
    public var branding: Branding
    /// The ISO 4217 code of the programme's currency; the earning rules must use the same.
    public var currency: String
    /// What points are worth when redeemed.
    public var pointValue: PointValue
    /// How points are earned (boosts included).
    public var earning: EarningRules
    /// Points every member gets once when the programme launches (or when they join later); 0 for none.
    public var launchBonusPoints: Int64
    /// Days an order's points stay pending (its return window); `nil` for available at once.
    public var returnWindowDays: Int?
    /// The rewards catalogue.
    public var rewards: [Reward]
    /// Tiers; `nil` for a programme without tiers.
    public var tiers: TierSettings?
    /// Referral terms; `nil` for no referrals.
    public var referral: ReferralTerms?
    /// When points expire.
    public var expiry: ExpiryPolicy
    /// Badges and milestones.
    public var badges: [Badge]
    /// Challenges and personalised offers.
    public var challenges: [Challenge]
    /// A paid membership; `nil` for none.
    public var membership: MembershipTerms?

    /// A programme; see the properties.
    public init(
        id: String, version: Int, effectiveFrom: Date, name: String, branding: Branding, currency: String,
        pointValue: PointValue, earning: EarningRules, launchBonusPoints: Int64 = 0, returnWindowDays: Int? = nil,
        rewards: [Reward] = [], tiers: TierSettings? = nil, referral: ReferralTerms? = nil,
        expiry: ExpiryPolicy = .never, badges: [Badge] = [], challenges: [Challenge] = [],
        membership: MembershipTerms? = nil
    ) {
        self.id = id
        self.version = version
        self.effectiveFrom = effectiveFrom
        self.name = name
        self.branding = branding
        self.currency = currency
        self.pointValue = pointValue
        self.earning = earning
        self.launchBonusPoints = launchBonusPoints
        self.returnWindowDays = returnWindowDays
        self.rewards = rewards
        self.tiers = tiers
        self.referral = referral
        self.expiry = expiry
        self.badges = badges
        self.challenges = challenges
        self.membership = membership
    }

    enum CodingKeys: String, CodingKey {
        case id, version
        case effectiveFrom = "effective_from"
        case name, branding, currency
        case pointValue = "point_value"
        case earning
        case launchBonusPoints = "launch_bonus_points"
        case returnWindowDays = "return_window_days"
        case rewards, tiers, referral, expiry, badges, challenges, membership
    }

    /// Reads a programme; everything after `earning` is optional.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), version: try c.decode(Int.self, forKey: .version),
            effectiveFrom: try c.decode(Date.self, forKey: .effectiveFrom),
            name: try c.decode(String.self, forKey: .name),
            branding: try c.decode(Branding.self, forKey: .branding),
            currency: try c.decode(String.self, forKey: .currency),
            pointValue: try c.decode(PointValue.self, forKey: .pointValue),
            earning: try c.decode(EarningRules.self, forKey: .earning),
            launchBonusPoints: try c.decodeIfPresent(Int64.self, forKey: .launchBonusPoints) ?? 0,
            returnWindowDays: try c.decodeIfPresent(Int.self, forKey: .returnWindowDays),
            rewards: try c.decodeIfPresent([Reward].self, forKey: .rewards) ?? [],
            tiers: try c.decodeIfPresent(TierSettings.self, forKey: .tiers),
            referral: try c.decodeIfPresent(ReferralTerms.self, forKey: .referral),
            expiry: try c.decodeIfPresent(ExpiryPolicy.self, forKey: .expiry) ?? .never,
            badges: try c.decodeIfPresent([Badge].self, forKey: .badges) ?? [],
            challenges: try c.decodeIfPresent([Challenge].self, forKey: .challenges) ?? [],
            membership: try c.decodeIfPresent(MembershipTerms.self, forKey: .membership))
    }

    /// The catalogue entry with `id`.
    public func reward(_ id: String) -> Reward? { rewards.first { $0.id == id } }
}
