/// The distribution of recency (last purchase day), frequency (purchase occasions) and monetary value
/// (net spend) over all buyers, kept current as orders arrive, from which any buyer's RFM scores follow.
///
/// Recency and frequency are histograms; monetary value is a sorted array (inserting or removing one value
/// moves at most 8 bytes × buyers: about a millisecond for a million buyers).
struct RFMDistribution: Equatable, Sendable {
    private(set) var buyers: Int64 = 0
    private(set) var lastDays = PeriodSeries<Count>()
    private(set) var frequencies: [Int64] = []
    private(set) var monetary: [Int64] = []

    struct Count: AdditiveCell {
        var value: Int64 = 0
        static let zero = Count()
    }

    /// Whether monetary values are being collected unsorted (a bulk build; `finishBulk()` sorts them).
    private var bulk = false

    /// Starts a bulk build: values are appended and sorted once at the end.
    mutating func startBulk() { bulk = true }

    /// Sorts the monetary values collected so far, still in the bulk build: a part of a build sorts its own
    /// values on its own core, and the merged parts' runs are then merged by `finishBulk()`'s sort (the
    /// standard library's sort merges sorted runs in linear time). The same sorted values either way.
    mutating func sortBulk() { monetary.sort() }

    /// Ends a bulk build.
    mutating func finishBulk() {
        monetary.sort()
        bulk = false
    }

    /// Adds (`sign` +1) or takes back (−1) one buyer.
    mutating func add(lastDay: Int32, frequency: Int, monetary value: Int64, sign: Int64) {
        buyers += sign
        lastDays.update(Int(lastDay)) { $0.value += sign }
        if frequencies.count <= frequency {
            frequencies.append(contentsOf: repeatElement(0, count: frequency + 1 - frequencies.count))
        }
        frequencies[frequency] += sign
        if bulk && sign > 0 {
            monetary.append(value)
            return
        }
        let position = RFMDistribution.lowerBound(of: value, in: monetary)
        if sign > 0 {
            monetary.insert(value, at: position)
        } else if position < monetary.count && monetary[position] == value {
            monetary.remove(at: position)
        }
    }

    /// Buyers whose last purchase was before `day`.
    func buyersWithLastDay(before day: Int32) -> Int64 {
        var result: Int64 = 0
        for index in lastDays.nonZeroIndexes where index < Int(day) { result += lastDays[index].value }
        return result
    }

    /// Buyers with fewer occasions than `frequency`.
    func buyersWithFrequency(below frequency: Int) -> Int64 {
        var result: Int64 = 0
        for f in 0..<min(frequency, frequencies.count) { result += frequencies[f] }
        return result
    }

    /// Buyers who spent less than `value`.
    func buyersWithMonetary(below value: Int64) -> Int64 {
        Int64(RFMDistribution.lowerBound(of: value, in: monetary))
    }

    /// Buyers who spent more than `value`.
    func buyersWithMonetary(above value: Int64) -> Int64 {
        Int64(monetary.count - RFMDistribution.upperBound(of: value, in: monetary))
    }

    /// Prefix sums for scoring every buyer at once.
    func ranker() -> RFMRanker { RFMRanker(self) }

    static func lowerBound(of value: Int64, in sorted: [Int64]) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    static func upperBound(of value: Int64, in sorted: [Int64]) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] <= value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Adds the buyers of `other`; both in a bulk load (`startBulk`), so the merged values are sorted once by
    /// `finishBulk`.
    mutating func merge(_ other: RFMDistribution) {
        precondition(bulk && other.bulk, "RFM distributions are merged during a bulk load")
        buyers += other.buyers
        lastDays.merge(other.lastDays)
        if frequencies.count < other.frequencies.count {
            frequencies.append(contentsOf: repeatElement(0, count: other.frequencies.count - frequencies.count))
        }
        for f in other.frequencies.indices { frequencies[f] += other.frequencies[f] }
        monetary.append(contentsOf: other.monetary)
    }

    static func == (lhs: RFMDistribution, rhs: RFMDistribution) -> Bool {
        guard lhs.buyers == rhs.buyers, lhs.lastDays == rhs.lastDays, lhs.monetary == rhs.monetary else { return false }
        for f in 0..<max(lhs.frequencies.count, rhs.frequencies.count) {
            let left = f < lhs.frequencies.count ? lhs.frequencies[f] : 0
            let right = f < rhs.frequencies.count ? rhs.frequencies[f] : 0
            if left != right { return false }
        }
        return true
    }
}
