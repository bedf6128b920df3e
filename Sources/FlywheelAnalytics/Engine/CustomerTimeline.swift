/// One customer's history as of a cutoff, reused between customers (no allocation per customer): the
/// purchases (orders that count) in time order, grouped into purchase occasions — the local days with at
/// least one purchase — and the orders that do not count (cancelled, fully refunded).
///
/// The columns are views of memory the timeline owns (`ScratchColumn`), valid until the next `load`: read
/// them while the customer is being looked at, do not keep them. Not copyable, for the same reason.
struct CustomerTimeline: ~Copyable {
    private var purchaseRows = ScratchColumn<Int32>()
    private var otherRows = ScratchColumn<Int32>()
    private var starts = ScratchColumn<Int32>()
    private var days = ScratchColumn<Int32>()
    private var nets = ScratchColumn<Int64>()

    init() {}

    /// Purchase rows, oldest first (ties by row).
    var purchases: UnsafeBufferPointer<Int32> { purchaseRows.elements }
    /// Cancelled or fully refunded rows placed up to the cutoff.
    var others: UnsafeBufferPointer<Int32> { otherRows.elements }
    /// Where each occasion starts in `purchases`, plus `purchases.count` at the end.
    var occasionStart: UnsafeBufferPointer<Int32> { starts.elements }
    /// The local day of each occasion.
    var occasionDay: UnsafeBufferPointer<Int32> { days.elements }
    /// The net value of each occasion (sum of its purchases' net amounts).
    var occasionNet: UnsafeBufferPointer<Int64> { nets.elements }

    /// Number of purchase occasions.
    var occasionCount: Int { days.count }

    /// Rebuilds the timeline from a customer's rows (any order) with `placedAt ≤ cutoff`.
    mutating func load<Rows: Collection<Int32>>(_ rows: Rows, table: OrderTable, cutoff: Int64) {
        purchaseRows.removeAll()
        otherRows.removeAll()
        starts.removeAll()
        days.removeAll()
        nets.removeAll()
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
                purchaseRows.append(row)
            } else if !flags.contains(.excluded) {
                otherRows.append(row)
            }
        }
        if !ordered {
            var unsorted = purchaseRows.mutableElements
            unsorted.sort { (table.placedAt[Int($0)], $0) < (table.placedAt[Int($1)], $1) }
        }
        let purchases = purchaseRows.elements
        var lastDay: Int32? = nil
        for index in 0..<purchases.count {
            let row = Int(purchases[index])
            let day = table.day[row]
            if lastDay != day {
                starts.append(Int32(index))
                days.append(day)
                nets.append(0)
                lastDay = day
            }
            nets.addToLast(table.net[row])
        }
        starts.append(Int32(purchases.count))
    }

    /// The purchases of occasion `i`.
    @inline(__always)
    func purchases(ofOccasion i: Int) -> UnsafeBufferPointer<Int32> {
        UnsafeBufferPointer(rebasing: purchases[Int(starts.elements[i])..<Int(starts.elements[i + 1])])
    }

    /// Sum of the purchases' net amounts.
    var netTotal: Int64 { occasionNet.reduce(0, +) }
}
