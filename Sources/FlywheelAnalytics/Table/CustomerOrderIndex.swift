/// The table's order rows grouped by customer, each customer's rows in time order (placed-at, then row):
/// compressed rows, built in linear time by a counting sort. The batch computations walk customers through
/// it; a single customer's rows come from the table's per-customer links instead.
struct CustomerOrderIndex: Sendable {
    /// Customer `c`'s rows are `rows[start[c]..<start[c + 1]]`.
    let start: [Int32]
    let rows: [Int32]

    init(_ table: OrderTable) {
        let customerCount = table.customers.count
        var start = [Int32](repeating: 0, count: customerCount + 1)
        for c in table.customer { start[Int(c) + 1] += 1 }
        for c in 0..<customerCount { start[c + 1] += start[c] }
        var fill = start
        var rows = [Int32](repeating: 0, count: table.orderCount)
        for row in 0..<table.orderCount {
            let c = Int(table.customer[row])
            rows[Int(fill[c])] = Int32(row)
            fill[c] += 1
        }
        table.placedAt.withUnsafeBufferPointer { placedAt in
            rows.withUnsafeMutableBufferPointer { rows in
                for c in 0..<customerCount {
                    let lower = Int(start[c])
                    let upper = Int(start[c + 1])
                    guard upper - lower > 1 else { continue }
                    // Insertion sort: a customer has few orders, and they usually arrive in time order already.
                    for i in (lower + 1)..<upper {
                        let row = rows[i]
                        let time = placedAt[Int(row)]
                        var j = i - 1
                        while j >= lower && placedAt[Int(rows[j])] > time {
                            rows[j + 1] = rows[j]
                            j -= 1
                        }
                        rows[j + 1] = row
                    }
                }
            }
        }
        self.start = start
        self.rows = rows
    }

    /// The rows of customer `c`, in time order.
    @inline(__always)
    func rows(of c: Int) -> ArraySlice<Int32> { rows[Int(start[c])..<Int(start[c + 1])] }
}
