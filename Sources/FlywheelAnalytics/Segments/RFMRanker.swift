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
        return RFMScore(
            recency: RFMScore.quintile(below: recentBelow, of: n),
            frequency: RFMScore.quintile(below: frequentBelow, of: n),
            monetary: monetaryQuintile(monetary))
    }

    /// `RFMScore.quintile(below: buyersWithMonetary(below: value), of: buyers)` without a search: quintile
    /// q ≥ 2 is reached when at least b_q = ⌈(q − 1) · buyers / 5⌉ buyers spent less than `value`, that is
    /// when the b_q-th smallest monetary value is below `value` — four reads at fixed places instead of a
    /// binary search over every buyer's spend (a million buyers: twenty cache misses per buyer scored).
    private func monetaryQuintile(_ value: Int64) -> Int {
        let n = distribution.buyers
        guard n > 0 else { return RFMScore.quintile(below: distribution.buyersWithMonetary(below: value), of: n) }
        let sorted = distribution.monetary
        var quintile = 1
        for q in 2...5 {
            let needed = (Int64(q - 1) * n + 4) / 5
            let reached = needed <= 0 || (needed <= Int64(sorted.count) && sorted[Int(needed) - 1] < value)
            guard reached else { break }
            quintile = q
        }
        return quintile
    }

    /// Whether a buyer who spent `monetary` is in the top `basisPoints` / 10,000 of buyers by spend (fewer
    /// than that share of buyers spent more).
    ///
    /// Fewer than k buyers spent more, where k = ⌈buyers · basisPoints / 10,000⌉, exactly when the k-th
    /// largest monetary value is at most `monetary` (one read instead of a binary search).
    func isTop(monetary: Int64, basisPoints: Int) -> Bool {
        let share = distribution.buyers * Int64(basisPoints)
        guard share > 0 else { return false }
        let k = (share + 9_999) / 10_000
        let sorted = distribution.monetary
        guard k <= Int64(sorted.count) else { return true }
        return sorted[sorted.count - Int(k)] <= monetary
    }
}
