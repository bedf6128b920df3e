/// A survey score and how many answered: NPS (−100…100, respondents) or CSAT (0…100, answers).
public struct ReportScore: Hashable, Codable, Sendable {
    public var score: Double
    /// Respondents (NPS: one vote per customer) or answers (CSAT).
    public var responses: Int

    /// A score from its parts.
    public init(score: Double, responses: Int) {
        self.score = score
        self.responses = responses
    }
}
