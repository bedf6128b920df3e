/// What a referral earns and the limits on it.
public struct ReferralTerms: Hashable, Sendable, Codable {
    /// Points for the referrer once the friend's first order is past its return window.
    public var referrerPoints: Int64
    /// Points for the friend at the same time.
    public var friendPoints: Int64
    /// A catalogue reward for the friend as a gift code: read only so that validation can refuse it by name
    /// (not supported; the friend is rewarded with `friendPoints`).
    public var friendRewardID: String?
    /// The smallest first order (minor units) that counts; 0 for any.
    public var minimumOrderMinor: Int64
    /// At most this many rewarded referrals per referrer per `limitPeriod`.
    public var maxReferrals: Int
    /// The period `maxReferrals` counts over.
    public var limitPeriod: CapPeriod
    /// Text before the personal code, e.g. `REF-`.
    public var codePrefix: String

    /// Terms; see the properties.
    public init(
        referrerPoints: Int64, friendPoints: Int64, friendRewardID: String? = nil, minimumOrderMinor: Int64 = 0,
        maxReferrals: Int = 10, limitPeriod: CapPeriod = .year, codePrefix: String = "REF-"
    ) {
        self.referrerPoints = referrerPoints
        self.friendPoints = friendPoints
        self.friendRewardID = friendRewardID
        self.minimumOrderMinor = minimumOrderMinor
        self.maxReferrals = maxReferrals
        self.limitPeriod = limitPeriod
        self.codePrefix = codePrefix
    }

    enum CodingKeys: String, CodingKey {
        case referrerPoints = "referrer_points"
        case friendPoints = "friend_points"
        case friendRewardID = "friend_reward_id"
        case minimumOrderMinor = "minimum_order_minor"
        case maxReferrals = "max_referrals"
        case limitPeriod = "limit_period"
        case codePrefix = "code_prefix"
    }

    /// Only the two point amounts are required.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            referrerPoints: try c.decode(Int64.self, forKey: .referrerPoints),
            friendPoints: try c.decode(Int64.self, forKey: .friendPoints),
            friendRewardID: try c.decodeIfPresent(String.self, forKey: .friendRewardID),
            minimumOrderMinor: try c.decodeIfPresent(Int64.self, forKey: .minimumOrderMinor) ?? 0,
            maxReferrals: try c.decodeIfPresent(Int.self, forKey: .maxReferrals) ?? 10,
            limitPeriod: try c.decodeIfPresent(CapPeriod.self, forKey: .limitPeriod) ?? .year,
            codePrefix: try c.decodeIfPresent(String.self, forKey: .codePrefix) ?? "REF-")
    }
}
