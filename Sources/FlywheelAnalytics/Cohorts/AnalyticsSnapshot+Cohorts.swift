extension AnalyticsSnapshot {
    /// Monthly acquisition cohorts × months since the first purchase, over the customers of `segment`,
    /// optionally split by what the first purchase was.
    public func cohorts(
        split: CohortSplit = .none, segment: CustomerFilter = .all
    ) throws(SegmentRuleError) -> CohortTable {
        let accumulator: CohortAccumulator
        if split == .none && segment == .all {
            accumulator = all.cohorts
        } else {
            let mask = try mask(segment)
            var built = CohortAccumulator()
            var timeline = CustomerTimeline()
            for c in 0..<table.customers.count where all.stats.isBuyer(c) {
                if let mask, !mask[c] { continue }
                timeline.load(index.rows(of: c), table: table, cutoff: cutoff)
                let group = split.group(ofFirstRow: Int(timeline.purchases[0]), table: table)
                built.add(timeline, group: group, table: table, sign: 1)
            }
            accumulator = built
        }
        let asOfMonth = MonthIndex.of(dayNumber: Int(asOfDay))
        var groups: [Int32: [CohortRow]] = [:]
        for (key, row) in accumulator.rows where row.customers > 0 {
            let cohortMonth = Int(key.cohortMonth)
            let size = row.customers
            var cells: [CohortCell] = []
            var cumulative: Int64 = 0
            for offset in 0...max(0, asOfMonth - cohortMonth) {
                let figures = row.cells[offset]
                cumulative += figures.netRevenue
                cells.append(
                    CohortCell(
                        monthsSinceFirst: offset, activeCustomers: Int(figures.activeCustomers),
                        activeShare: Double(figures.activeCustomers) / Double(size), orders: Int(figures.orders),
                        revenueMinor: figures.netRevenue,
                        revenuePerCustomerMinor: Fraction.rounded(figures.netRevenue, size)!,
                        cumulativeRevenuePerCustomerMinor: Fraction.rounded(cumulative, size)!))
            }
            groups[key.group, default: []].append(
                CohortRow(
                    cohort: Period(granularity: .month, index: cohortMonth), customers: Int(size), cells: cells))
        }
        var result = groups.map { group, rows in
            CohortGroup(
                group: split.label(ofGroup: group, table: table), customers: rows.reduce(0) { $0 + $1.customers },
                cohorts: rows.sorted { $0.cohort < $1.cohort })
        }
        result.sort { ($0.customers, $1.group ?? "") > ($1.customers, $0.group ?? "") }
        return CohortTable(currency: currency, asOf: asOf, split: split, segment: segment, groups: result)
    }
}
