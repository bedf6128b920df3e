/// Customer satisfaction: the share of answers to "how satisfied were you" (1–5) that are 4 or 5, in percent.
/// Every answer counts (CSAT is about an order or interaction, not the relationship).
public struct CSATFigures: Hashable, Codable, Sendable {
    public var responses: Int
    public var satisfied: Int
    /// 0…100.
    public var score: Double
}
