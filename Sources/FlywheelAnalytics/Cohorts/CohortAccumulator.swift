/// Monthly acquisition cohorts × months since first purchase, additive per customer; optionally split
/// into groups (by first product, category, channel, or discount at acquisition).
struct CohortAccumulator: Equatable, Sendable {
    struct Key: Hashable, Sendable {
        /// The split's group (a product, category or channel index, 1/0 for discounted or not; 0 unsplit).
        var group: Int32
        /// The cohort: the month of the first purchase (months since January 1900).
        var cohortMonth: Int32
    }

    struct Row: Equatable, Sendable {
        /// Customers in the cohort.
        var customers: Int64 = 0
        /// Figures by months since the first purchase.
        var cells = PeriodSeries<CohortFigures>()

        var isEmpty: Bool { customers == 0 && cells.nonZeroIndexes.isEmpty }

        /// Adds (`sign` +1) or takes back (−1) one member's purchases (`timeline`, first purchase in `cohortMonth`).
        mutating func add(_ timeline: borrowing CustomerTimeline, cohortMonth: Int32, table: OrderTable, sign: Int64) {
            customers += sign
            var lastOffset = -1
            for purchase in timeline.purchases {
                let r = Int(purchase)
                let offset = Int(table.month[r]) - Int(cohortMonth)
                let net = table.net[r]
                let newMonth = offset != lastOffset
                lastOffset = offset
                cells.update(offset) { cell in
                    cell.orders += sign
                    cell.netRevenue += sign * net
                    if newMonth { cell.activeCustomers += sign }
                }
            }
        }
    }

    private(set) var rows: [Key: Row] = [:]

    /// Adds (`sign` +1) or takes back (−1) one customer's purchases, as cohort member of `group`.
    mutating func add(_ timeline: borrowing CustomerTimeline, group: Int32, table: OrderTable, sign: Int64) {
        guard timeline.occasionCount > 0 else { return }
        let cohortMonth = Int32(table.month[Int(timeline.purchases[0])])
        let key = Key(group: group, cohortMonth: cohortMonth)
        // The row is changed in place: one lookup per customer (a missing row is inserted empty first).
        rows[key, default: Row()].add(timeline, cohortMonth: cohortMonth, table: table, sign: sign)
        // Only a take-back can leave a row empty.
        if sign < 0, rows[key]?.isEmpty == true { rows[key] = nil }
    }

    /// Adds the rows of `other`.
    mutating func merge(_ other: CohortAccumulator) {
        for (key, theirs) in other.rows {
            var row = rows.removeValue(forKey: key) ?? Row()
            row.customers += theirs.customers
            row.cells.merge(theirs.cells)
            if !row.isEmpty { rows[key] = row }
        }
    }

    static func == (lhs: CohortAccumulator, rhs: CohortAccumulator) -> Bool {
        let keys = Set(lhs.rows.keys).union(rhs.rows.keys)
        return keys.allSatisfy { key in
            let left = lhs.rows[key] ?? Row()
            let right = rhs.rows[key] ?? Row()
            return left.customers == right.customers && left.cells == right.cells
        }
    }
}
