/// Points a replay awarded, by the rule that awarded them. Hand-backs of redeemed points are not new points
/// and not counted; refunds do not take anything off (they are counted as reversed).
public struct IssuedPoints: Hashable, Sendable, Codable {
    /// Orders: points per currency unit on the eligible amount.
    public var orderBase: Int64 = 0
    /// Orders: extras from product (SKU) and category multipliers.
    public var productMultipliers: Int64 = 0
    /// Orders: extras from event boosts (weekends, birthday month, dates).
    public var boosts: Int64 = 0
    /// Orders: extras from the customer's tier multiplier.
    public var tierMultipliers: Int64 = 0
    /// The launch bonus, once per member.
    public var launchBonus: Int64 = 0
    /// Birthday points: the `birthday` action and the tier's birthday gift.
    public var birthday: Int64 = 0
    /// Fixed points per action (reviews, sign-up, …).
    public var actions: Int64 = 0
    /// Badge and milestone bonuses.
    public var badges: Int64 = 0
    /// Completed challenges and personalised offers.
    public var challenges: Int64 = 0
    /// Referral rewards, referrer and friend.
    public var referrals: Int64 = 0

    /// Nothing issued.
    public init() {}

    /// Everything the orders earned.
    public var orders: Int64 { orderBase + productMultipliers + boosts + tierMultipliers }

    /// All points issued.
    public var total: Int64 { orders + launchBonus + birthday + actions + badges + challenges + referrals }

    enum CodingKeys: String, CodingKey {
        case orderBase = "order_base"
        case productMultipliers = "product_multipliers"
        case boosts
        case tierMultipliers = "tier_multipliers"
        case launchBonus = "launch_bonus"
        case birthday, actions, badges, challenges, referrals
    }
}
