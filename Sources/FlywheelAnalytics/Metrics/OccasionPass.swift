/// One pass over the customers' purchase occasions for the figures that depend on the learned lost window
/// or are not additive: churn per period, and the gaps that ended in each period.
struct OccasionPass: Equatable, Sendable {
    /// Per period of the range: customers alive at its start, those who became lost during it, the gaps
    /// whose later occasion falls in it.
    var customersAtStart: [Int64]
    var churned: [Int64]
    var gaps: [GapHistogram]

    /// The pass over every customer of `mask`: with `parts` (default one per core for large shops) the
    /// customers in consecutive ranges on threads of their own — a million customers' occasions take a
    /// third of a second — added up after; every figure is a count, so the sums do not depend on the split.
    init(
        _ snapshot: AnalyticsSnapshot, granularity: PeriodGranularity, periods range: ClosedRange<Int>, mask: [Bool]?,
        parts: Int? = nil
    ) {
        let customerCount = snapshot.table.customers.count
        let parts = max(1, parts ?? ThreadedWork.parts(for: customerCount, minimum: 100_000))
        // Ranges of about equal rows plus customers (the engine's split): customers early in a file buy more.
        let bounds = snapshot.index.partBounds(parts: parts)
        let results = SharedBuffer(repeating: OccasionPass?.none, count: parts)
        ThreadedWork.run(parts: parts) { part in
            let customers = bounds[part]..<bounds[part + 1]
            results.elements[part] = OccasionPass(
                snapshot, granularity: granularity, periods: range, mask: mask, customers: customers)
        }
        self = results.elements[0]!
        for part in 1..<parts { add(results.elements[part]!) }
    }

    /// Adds another pass's counts (over other customers, the same periods).
    private mutating func add(_ other: OccasionPass) {
        for slot in customersAtStart.indices {
            customersAtStart[slot] += other.customersAtStart[slot]
            churned[slot] += other.churned[slot]
            gaps[slot].merge(other.gaps[slot])
        }
    }

    /// The pass over the customers in `customers`.
    private init(
        _ snapshot: AnalyticsSnapshot, granularity: PeriodGranularity, periods range: ClosedRange<Int>, mask: [Bool]?,
        customers: Range<Int>
    ) {
        let count = range.count
        customersAtStart = Array(repeating: 0, count: count)
        churned = Array(repeating: 0, count: count)
        gaps = Array(repeating: GapHistogram(), count: count)
        let table = snapshot.table
        let lost = snapshot.lapseWindow.lostDays
        let asOfDay = Int(snapshot.asOfDay)
        func period(ofDay day: Int) -> Int { granularity.index(ofMonthIndex: MonthIndex.of(dayNumber: day)) }
        var timeline = CustomerTimeline()
        for c in customers {
            if let mask, !mask[c] { continue }
            guard snapshot.all.stats.isBuyer(c) else { continue }
            timeline.load(snapshot.index.rows(of: c), table: table, cutoff: snapshot.cutoff)
            let days = timeline.occasionDay
            var runStart = Int(days[0])
            for i in 0..<days.count {
                let day = Int(days[i])
                if i > 0 {
                    let row = Int(timeline.purchases(ofOccasion: i).first!)
                    let p = granularity.index(ofMonthIndex: Int(table.month[row]))
                    if range.contains(p) { gaps[p - range.lowerBound].add(days: day - Int(days[i - 1]), sign: 1) }
                }
                let isLastOfRun = i == days.count - 1 || Int(days[i + 1]) - day > lost
                guard isLastOfRun else { continue }
                // The run of occasions from runStart to day keeps the customer alive through day + lost; the
                // first lost day is day + lost + 1.
                let lostDay = day + lost + 1
                let firstPeriod = period(ofDay: runStart) + 1
                let lastPeriod = period(ofDay: lostDay)
                if firstPeriod <= lastPeriod {
                    let low = max(firstPeriod, range.lowerBound)
                    let high = min(lastPeriod, range.upperBound)
                    if low <= high {
                        for p in low...high { customersAtStart[p - range.lowerBound] += 1 }
                    }
                    if lostDay <= asOfDay && range.contains(lastPeriod) { churned[lastPeriod - range.lowerBound] += 1 }
                }
                if i + 1 < days.count { runStart = Int(days[i + 1]) }
            }
        }
    }
}
