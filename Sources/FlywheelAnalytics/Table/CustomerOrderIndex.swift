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
        var rows = [Int32](repeating: 0, count: table.orderCount)
        // Through buffers: the engine waits for this on one core (a tenth of a second at 10 M orders through
        // the arrays, whose every write checked that the array was not shared).
        table.customer.withUnsafeBufferPointer { customer in
            start.withUnsafeMutableBufferPointer { start in
                for c in customer { start[Int(c) + 1] += 1 }
                for c in 0..<customerCount { start[c + 1] += start[c] }
                var fill = Array(start)
                fill.withUnsafeMutableBufferPointer { fill in
                    rows.withUnsafeMutableBufferPointer { rows in
                        for row in customer.indices {
                            let c = Int(customer[row])
                            rows[Int(fill[c])] = Int32(row)
                            fill[c] += 1
                        }
                    }
                }
            }
        }
        table.placedAt.withUnsafeBufferPointer { placedAt in
            start.withUnsafeBufferPointer { start in
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
        }
        self.start = start
        self.rows = rows
    }

    /// Where `parts` consecutive ranges of customers start and end: about equal in rows plus customers (a
    /// part's work in a pass over customers), not in customers — customers seen early in a file have more
    /// orders, so equal numbers of customers left one core waiting for the other. Passes whose figures add
    /// up (the engine's parts, the occasion pass) give the same figures for any split.
    func partBounds(parts: Int) -> [Int] {
        let count = start.count - 1
        let total = rows.count + count
        var bounds = [0]
        var c = 0
        start.withUnsafeBufferPointer { start in
            for part in 1..<max(parts, 1) {
                let target = total * part / parts
                while c < count && Int(start[c]) + c < target { c += 1 }
                bounds.append(c)
            }
        }
        bounds.append(count)
        return bounds
    }

    /// The rows of customer `c`, in time order.
    @inline(__always)
    func rows(of c: Int) -> ArraySlice<Int32> { rows[Int(start[c])..<Int(start[c + 1])] }
}
