/// Every additive figure the engine keeps, over a set of customers and up to a cutoff: periods (month,
/// quarter, year), all-time totals, the cohort matrix, gaps between purchases, the RFM distribution and the
/// per-customer figures.
///
/// Each customer contributes a sum of terms that depend on its own history only, so the set is kept current
/// by taking a customer's contribution back, changing its orders and adding the new contribution
/// (`AnalyticsEngine+Apply.swift`); a rebuild adds every customer once. Both use `add(_:customer:…)`.
struct AggregateSet: Equatable, Sendable {
    var month = PeriodAccumulator(granularity: .month)
    var quarter = PeriodAccumulator(granularity: .quarter)
    var year = PeriodAccumulator(granularity: .year)
    var lifetime = LifetimeCell()
    var cohorts = CohortAccumulator()
    var gaps = GapHistogram()
    var rfm = RFMDistribution()
    var stats = CustomerStats()
    let loyalPurchases: Int

    init(loyalPurchases: Int) { self.loyalPurchases = loyalPurchases }

    /// The accumulator of a granularity.
    func periods(_ granularity: PeriodGranularity) -> PeriodAccumulator {
        switch granularity {
        case .month: month
        case .quarter: quarter
        case .year: year
        }
    }

    /// The figures over the customers `include` accepts (all when `nil`), up to `cutoff` (UTC seconds).
    static func build(
        table: OrderTable, index: CustomerOrderIndex, cutoff: Int64, include: [Bool]?, loyalPurchases: Int,
        parts requested: Int? = nil
    ) -> AggregateSet {
        // Customers are split into consecutive ranges built on every core and merged in range order. Every
        // figure is an integer sum, a per-customer value or (RFM's monetary values) sorted at the end, so the
        // result is the same for any number of parts (`AggregateMergeTests`).
        let count = table.customers.count
        let parts = max(1, min(requested ?? (count >= 20_000 ? 2 : 1), max(count, 1)))
        let bounds = index.partBounds(parts: parts)
        let built = ConcurrentWork.run(
            (0..<parts).map { part in
                { @Sendable in
                    buildPart(
                        bounds[part]..<bounds[part + 1], table: table, index: index, cutoff: cutoff, include: include,
                        loyalPurchases: loyalPurchases)
                }
            })
        var set = built[0]
        for part in 1..<parts { set.merge(built[part], customers: bounds[part]..<bounds[part + 1]) }
        set.rfm.finishBulk()
        return set
    }

    /// The figures of the customers in `customers` (the RFM distribution left in its bulk load, its
    /// monetary values sorted: the merged parts are then sorted by merging their runs).
    private static func buildPart(
        _ customers: Range<Int>, table: OrderTable, index: CustomerOrderIndex, cutoff: Int64, include: [Bool]?,
        loyalPurchases: Int
    ) -> AggregateSet {
        var set = AggregateSet(loyalPurchases: loyalPurchases)
        set.stats.grow(to: table.customers.count)
        var timeline = CustomerTimeline()
        var scratch = ContributionScratch()
        set.rfm.startBulk()
        for c in customers {
            if let include, !include[c] { continue }
            timeline.load(index.rows(of: c), table: table, cutoff: cutoff)
            set.add(timeline, customer: c, table: table, sign: 1, scratch: &scratch)
        }
        set.rfm.sortBulk()
        return set
    }

    /// Adds the figures of `other`, built over the customers `customers` (none of them added here).
    mutating func merge(_ other: AggregateSet, customers: Range<Int>) {
        month.merge(other.month)
        quarter.merge(other.quarter)
        year.merge(other.year)
        lifetime = LifetimeCell.sum(lifetime, other.lifetime)
        cohorts.merge(other.cohorts)
        gaps.merge(other.gaps)
        rfm.merge(other.rfm)
        stats.take(customers, from: other.stats)
    }

    static func == (lhs: AggregateSet, rhs: AggregateSet) -> Bool {
        lhs.month == rhs.month && lhs.quarter == rhs.quarter && lhs.year == rhs.year && lhs.lifetime == rhs.lifetime
            && lhs.cohorts == rhs.cohorts && lhs.gaps == rhs.gaps && lhs.rfm == rhs.rfm && lhs.stats == rhs.stats
            && lhs.loyalPurchases == rhs.loyalPurchases
    }
}
