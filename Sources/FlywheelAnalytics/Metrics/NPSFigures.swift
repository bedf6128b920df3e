/// Net Promoter Score: of the customers who answered "how likely are you to recommend us" (0–10), the share
/// of promoters (9–10) minus the share of detractors (0–6), × 100. One vote per customer: the latest.
public struct NPSFigures: Hashable, Codable, Sendable {
    public var respondents: Int
    public var promoters: Int
    public var passives: Int
    public var detractors: Int
    /// −100…100.
    public var score: Double

    /// The figures of a tally; `nil` without respondents.
    init?(promoters: Int, passives: Int, detractors: Int) {
        let respondents = promoters + passives + detractors
        guard respondents > 0 else { return nil }
        self.respondents = respondents
        self.promoters = promoters
        self.passives = passives
        self.detractors = detractors
        score = 100 * Double(promoters - detractors) / Double(respondents)
    }
}
