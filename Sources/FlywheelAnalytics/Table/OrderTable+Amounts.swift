extension OrderTable {
    /// Whether `net` is `gross` itself: one buffer, shared. A history without refunds has net amounts equal
    /// to gross ones, and a bulk load keeps the two columns one array (`appendAmounts`) — 8 bytes an order
    /// less to write and keep (80 MB at 10 M orders). The first refund (`net[r] = …`) or any other write to
    /// one of them copies it apart, as arrays do; from then on each is appended on its own.
    var netIsGross: Bool {
        gross.count == net.count
            && gross.withUnsafeBufferPointer { gross in
                net.withUnsafeBufferPointer { net in gross.baseAddress == net.baseAddress }
            }
    }

    /// Appends new orders' totals as their gross and net amounts.
    mutating func appendAmounts(_ totals: ArraySlice<Int64>) {
        changeAmounts { $0.append(contentsOf: totals) }
    }

    /// Makes room for `count` orders' amounts.
    mutating func reserveAmounts(_ count: Int) {
        changeAmounts { $0.reserveCapacity(count) }
    }

    /// Applies `change` to `gross` and `net` alike, keeping them one buffer while they are: `net` lets go
    /// of the buffer first, so `gross` is its only owner and changes in place (not copied), and then shares
    /// it again.
    private mutating func changeAmounts(_ change: (inout [Int64]) -> Void) {
        guard netIsGross else {
            change(&gross)
            change(&net)
            return
        }
        net = []
        change(&gross)
        net = gross
    }
}
