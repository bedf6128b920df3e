/// Scores buyers against an `RFMDistribution`, with prefix sums built once so scoring every buyer is linear.
struct RFMRanker: Sendable {
    private let distribution: RFMDistribution
    private let lastDayBase: Int
    /// `lastDayBelow[i]`: buyers whose last day is before `lastDayBase + i`.
    private let lastDayBelow: [Int64]
    /// `frequencyBelow[f]`: buyers with fewer than `f` occasions.
    private let frequencyBelow: [Int64]

    init(_ distribution: RFMDistribution) {
        self.distribution = distribution
        let indexes = distribution.lastDays.nonZeroIndexes
        lastDayBase = indexes.first ?? 0
        var below: [Int64] = [0]
        if let last = indexes.last {
            below.reserveCapacity(last - lastDayBase + 2)
            for day in lastDayBase...last { below.append(below[below.count - 1] + distribution.lastDays[day].value) }
        }
        lastDayBelow = below
        var frequencyBelow: [Int64] = [0]
        for count in distribution.frequencies {
            frequencyBelow.append(frequencyBelow[frequencyBelow.count - 1] + count)
        }
        self.frequencyBelow = frequencyBelow
    }

    /// The scores of a buyer with these figures.
    func score(lastDay: Int32, frequency: Int, monetary: Int64) -> RFMScore {
        let n = distribution.buyers
        let dayOffset = Int(lastDay) - lastDayBase
        let recentBelow = dayOffset <= 0 ? 0 : lastDayBelow[min(dayOffset, lastDayBelow.count - 1)]
        let frequentBelow = frequencyBelow[min(max(frequency, 0), frequencyBelow.count - 1)]
        let spentBelow = distribution.buyersWithMonetary(below: monetary)
        return RFMScore(
            recency: RFMScore.quintile(below: recentBelow, of: n),
            frequency: RFMScore.quintile(below: frequentBelow, of: n),
            monetary: RFMScore.quintile(below: spentBelow, of: n))
    }

    /// Whether a buyer who spent `monetary` is in the top `basisPoints` / 10,000 of buyers by spend (fewer
    /// than that share of buyers spent more).
    func isTop(monetary: Int64, basisPoints: Int) -> Bool {
        distribution.buyersWithMonetary(above: monetary) * 10_000 < distribution.buyers * Int64(basisPoints)
    }
}
