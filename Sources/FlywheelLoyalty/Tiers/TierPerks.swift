/// What a tier gives its members.
public struct TierPerks: Hashable, Sendable, Codable {
    /// Free shipping on every order.
    public var freeShipping: Bool
    /// Early access to launches and sales.
    public var earlyAccess: Bool
    /// Invitations to events.
    public var eventAccess: Bool
    /// The earning multiplier (feeds `EarningContext.tierMultiplier`); 100 = 1×.
    public var earningMultiplier: Multiplier
    /// Points given once a year in the birthday month; 0 for none.
    public var birthdayGiftPoints: Int64
    /// A reward (catalogue id) given free in the birthday month; optional.
    public var birthdayRewardID: String?

    /// Perks; everything off unless given.
    public init(
        freeShipping: Bool = false, earlyAccess: Bool = false, eventAccess: Bool = false,
        earningMultiplier: Multiplier = .one, birthdayGiftPoints: Int64 = 0, birthdayRewardID: String? = nil
    ) {
        self.freeShipping = freeShipping
        self.earlyAccess = earlyAccess
        self.eventAccess = eventAccess
        self.earningMultiplier = earningMultiplier
        self.birthdayGiftPoints = birthdayGiftPoints
        self.birthdayRewardID = birthdayRewardID
    }

    enum CodingKeys: String, CodingKey {
        case freeShipping = "free_shipping"
        case earlyAccess = "early_access"
        case eventAccess = "event_access"
        case earningMultiplier = "earning_multiplier"
        case birthdayGiftPoints = "birthday_gift_points"
        case birthdayRewardID = "birthday_reward_id"
    }

    /// Every key is optional.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            freeShipping: try c.decodeIfPresent(Bool.self, forKey: .freeShipping) ?? false,
            earlyAccess: try c.decodeIfPresent(Bool.self, forKey: .earlyAccess) ?? false,
            eventAccess: try c.decodeIfPresent(Bool.self, forKey: .eventAccess) ?? false,
            earningMultiplier: try c.decodeIfPresent(Multiplier.self, forKey: .earningMultiplier) ?? .one,
            birthdayGiftPoints: try c.decodeIfPresent(Int64.self, forKey: .birthdayGiftPoints) ?? 0,
            birthdayRewardID: try c.decodeIfPresent(String.self, forKey: .birthdayRewardID))
    }
}
