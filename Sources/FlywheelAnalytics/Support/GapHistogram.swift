/// How many gaps of each length (in days) were seen: additive, so it is kept current as orders arrive, and
/// any quantile is exact for whole days.
struct GapHistogram: Equatable, Sendable {
    /// `counts[d]`: gaps of `d` days.
    private(set) var counts: [Int64] = []
    /// All gaps.
    private(set) var total: Int64 = 0

    /// Adds (`sign` +1) or takes back (−1) a gap of `days` days (at least 1).
    @inline(__always)
    mutating func add(days: Int, sign: Int64) {
        if counts.count <= days { counts.append(contentsOf: repeatElement(0, count: days + 1 - counts.count)) }
        counts[days] += sign
        total += sign
    }

    /// Adds every gap of another histogram.
    mutating func merge(_ other: GapHistogram) {
        for (days, count) in other.counts.enumerated() where count != 0 { add(days: days, sign: count) }
    }

    /// The `k`-th smallest gap (0-based), `k < total`.
    func value(atRank k: Int64) -> Int {
        var seen: Int64 = 0
        for (days, count) in counts.enumerated() {
            seen += count
            if seen > k { return days }
        }
        return counts.count - 1
    }

    /// The quantile `q` (0...1) with linear interpolation between closest ranks (Hyndman & Fan type 7, the
    /// default of numpy, pandas and R); `nil` without gaps.
    func quantile(_ q: Double) -> Double? {
        guard total > 0 else { return nil }
        let h = Double(total - 1) * q
        let lower = Int64(h.rounded(.down))
        let low = Double(value(atRank: lower))
        guard lower + 1 < total else { return low }
        let high = Double(value(atRank: lower + 1))
        return low + (h - Double(lower)) * (high - low)
    }

    /// The mean gap; `nil` without gaps.
    var mean: Double? {
        guard total > 0 else { return nil }
        var sum: Double = 0
        for (days, count) in counts.enumerated() { sum += Double(days) * Double(count) }
        return sum / Double(total)
    }

    static func == (lhs: GapHistogram, rhs: GapHistogram) -> Bool {
        guard lhs.total == rhs.total else { return false }
        for days in 0..<max(lhs.counts.count, rhs.counts.count) {
            let left = days < lhs.counts.count ? lhs.counts[days] : 0
            let right = days < rhs.counts.count ? rhs.counts[days] : 0
            if left != right { return false }
        }
        return true
    }
}
