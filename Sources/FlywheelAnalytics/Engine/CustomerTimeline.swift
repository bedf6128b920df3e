/// One customer's history as of a cutoff, reused between customers (no allocation per customer): the
/// purchases (orders that count) in time order, grouped into purchase occasions — the local days with at
/// least one purchase — and the orders that do not count (cancelled, fully refunded).
struct CustomerTimeline {
    /// Purchase rows, oldest first (ties by row).
    private(set) var purchases: [Int32] = []
    /// Cancelled or fully refunded rows placed up to the cutoff.
    private(set) var others: [Int32] = []
    /// Where each occasion starts in `purchases`, plus `purchases.count` at the end.
    private(set) var occasionStart: [Int32] = []
    /// The local day of each occasion.
    private(set) var occasionDay: [Int32] = []
    /// The net value of each occasion (sum of its purchases' net amounts).
    private(set) var occasionNet: [Int64] = []

    /// Number of purchase occasions.
    var occasionCount: Int { occasionDay.count }

    /// Rebuilds the timeline from a customer's rows (any order) with `placedAt ≤ cutoff`.
    mutating func load<Rows: Collection<Int32>>(_ rows: Rows, table: OrderTable, cutoff: Int64) {
        purchases.removeAll(keepingCapacity: true)
        others.removeAll(keepingCapacity: true)
        occasionStart.removeAll(keepingCapacity: true)
        occasionDay.removeAll(keepingCapacity: true)
        occasionNet.removeAll(keepingCapacity: true)
        // In (time, row) order already? (Usually: rows are added in time order.) One pass reads each row's
        // time once; a timeline out of that order is sorted.
        var ordered = true
        var previousTime = Int64.min
        var previousRow = Int32.min
        for row in rows {
            let r = Int(row)
            let time = table.placedAt[r]
            guard time <= cutoff else { continue }
            let flags = table.flags[r]
            if flags.isPurchase {
                if time < previousTime || (time == previousTime && row < previousRow) { ordered = false }
                previousTime = time
                previousRow = row
                purchases.append(row)
            } else if !flags.contains(.excluded) {
                others.append(row)
            }
        }
        if !ordered {
            purchases.sort { (table.placedAt[Int($0)], $0) < (table.placedAt[Int($1)], $1) }
        }
        for (index, row) in purchases.enumerated() {
            let day = table.day[Int(row)]
            if occasionDay.last != day {
                occasionStart.append(Int32(index))
                occasionDay.append(day)
                occasionNet.append(0)
            }
            occasionNet[occasionNet.count - 1] += table.net[Int(row)]
        }
        occasionStart.append(Int32(purchases.count))
    }

    /// The purchases of occasion `i`.
    @inline(__always)
    func purchases(ofOccasion i: Int) -> ArraySlice<Int32> {
        purchases[Int(occasionStart[i])..<Int(occasionStart[i + 1])]
    }

    /// Sum of the purchases' net amounts.
    var netTotal: Int64 { occasionNet.reduce(0, +) }
}
