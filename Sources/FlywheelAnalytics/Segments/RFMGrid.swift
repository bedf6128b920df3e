/// Buyers counted by recency score (rows, 5 = most recent first) × frequency–monetary score (columns 1–5):
/// the classic RFM grid, each cell with its named segment (`RFMSegment`).
public struct RFMGrid: Hashable, Codable, Sendable {
    /// `counts[r][fm]`: buyers with R = 5 − r and FM = fm + 1.
    public var counts: [[Int]]
    /// Buyers scored (every cell summed).
    public var buyers: Int

    /// An empty grid.
    public init() {
        counts = Array(repeating: Array(repeating: 0, count: 5), count: 5)
        buyers = 0
    }

    /// Counts a score.
    mutating func add(_ score: RFMScore) {
        let r = 5 - min(max(score.recency, 1), 5)
        let fm = min(max(score.frequencyMonetary, 1), 5) - 1
        counts[r][fm] += 1
        buyers += 1
    }

    /// The named segment of the cell in row `row` (0 = R 5) and column `column` (0 = FM 1).
    public static func segment(row: Int, column: Int) -> RFMSegment {
        RFMSegment(score: RFMScore(recency: 5 - row, frequency: column + 1, monetary: column + 1))
    }
}
