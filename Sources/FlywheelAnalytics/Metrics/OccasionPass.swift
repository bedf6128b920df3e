/// One pass over the customers' purchase occasions for the figures that depend on the learned lost window
/// or are not additive: churn per period, and the gaps that ended in each period.
struct OccasionPass {
    /// Per period of the range: customers alive at its start, those who became lost during it, the gaps
    /// whose later occasion falls in it.
    var customersAtStart: [Int64]
    var churned: [Int64]
    var gaps: [GapHistogram]

    init(
        _ snapshot: AnalyticsSnapshot, granularity: PeriodGranularity, periods range: ClosedRange<Int>, mask: [Bool]?
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
        for c in 0..<table.customers.count {
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
