/// What customers said in a period: NPS, CSAT, the loyalty index and reviews (`nil` parts: no answers).
public struct FeedbackMetrics: Hashable, Codable, Sendable {
    public var nps: NPSFigures?
    public var csat: CSATFigures?
    public var loyaltyIndex: LoyaltyIndex
    public var reviews: ReviewFigures?
}
