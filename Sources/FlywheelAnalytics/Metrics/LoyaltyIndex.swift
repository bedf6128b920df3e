/// The three-question customer loyalty index: each question (recommend = the NPS question, would buy again,
/// would try other products; all 0–10) scored like NPS (% 9–10 minus % 0–6, one vote per customer: the
/// latest), and the index as their mean. `index` is `nil` unless all three have answers.
public struct LoyaltyIndex: Hashable, Codable, Sendable {
    public var recommend: NPSFigures?
    public var buyAgain: NPSFigures?
    public var tryOtherProducts: NPSFigures?
    /// Mean of the three net scores, −100…100.
    public var index: Double?
}
