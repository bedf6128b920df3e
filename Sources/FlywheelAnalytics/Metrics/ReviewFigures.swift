/// Reviews written in a period.
public struct ReviewFigures: Hashable, Codable, Sendable {
    public var reviews: Int
    /// Distinct customers who wrote them.
    public var reviewers: Int
    /// Mean star rating (1–5).
    public var averageRating: Double

    /// Figures from their parts.
    public init(reviews: Int, reviewers: Int, averageRating: Double) {
        self.reviews = reviews
        self.reviewers = reviewers
        self.averageRating = averageRating
    }
}
