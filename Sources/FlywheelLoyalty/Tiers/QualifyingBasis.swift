/// What tiers are earned by. Never the spendable balance: redeeming must not cost a customer their tier.
public enum QualifyingBasis: String, Hashable, Sendable, Codable {
    /// Money spent on orders (minor units of the programme's currency), net of refunds.
    case spend
    /// Orders placed; a fully refunded order no longer counts.
    case orders
    /// Points earned by orders (before any redemption), net of refund reversals.
    case pointsEarned = "points_earned"
}
