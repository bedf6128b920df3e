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

    /// Appends new orders' totals as their gross and net amounts, keeping `net` one buffer with `gross`
    /// while it is.
    mutating func appendAmounts(_ totals: ArraySlice<Int64>) {
        guard netIsGross else {
            gross.append(contentsOf: totals)
            net.append(contentsOf: totals)
            return
        }
        net = []  // `gross` is then the buffer's only owner: appended in place, not copied
        gross.append(contentsOf: totals)
        net = gross
    }
}
