/// Customers grouped by identical purchase history (x, tₓ, T), with counts: the likelihoods and the
/// predictions depend on nothing else, and real data repeat the same few histories many times (every
/// one-time buyer of a day shares one), so every sum runs over groups instead of customers. Groups are
/// sorted by frequency, and `runs` gives the range of each frequency, so terms that depend on x alone
/// (the log-gamma functions) are computed once per distinct x.
struct PurchaseHistoryGroups: Sendable {
    /// x of each group.
    var frequency: [Double] = []
    /// tₓ of each group.
    var recency: [Double] = []
    /// T of each group.
    var age: [Double] = []
    /// Customers in each group.
    var weight: [Double] = []
    /// Consecutive groups with the same frequency.
    var runs: [(frequency: Double, range: Range<Int>, weight: Double)] = []
    /// For each input customer, its group.
    var groupOfCustomer: [Int32] = []

    /// Total customers.
    var totalWeight: Double { weight.reduce(0, +) }
    /// Number of groups.
    var count: Int { frequency.count }

    /// Groups the histories; the arrays must have equal lengths.
    ///
    /// The distinct histories are found first (open addressing over the three values' bits) and only they
    /// are sorted — a few thousand instead of every customer. The groups, their order (x, then tₓ, then T),
    /// weights and runs are those of sorting every customer stably: each group's values are those of its
    /// first customer. With a NaN among the values (never equal to itself) every customer is sorted.
    init(frequency x: [Int], recency tx: [Double], age ages: [Double]) {
        let n = x.count
        precondition(tx.count == n && ages.count == n, "frequency, recency and age must have equal lengths")
        guard !tx.contains(where: \.isNaN), !ages.contains(where: \.isNaN) else {
            self.init(sortingEvery: x, recency: tx, age: ages)
            return
        }
        self.init()
        // Distinct histories in order of first appearance, and each customer's. Each distinct history's
        // values are kept beside it (`keyX`, `keyR`, `keyT`: the group's first customer's), so a probe
        // compares within the groups' few arrays instead of reading the first customer's row of the
        // million-long inputs.
        var first: [Int] = []
        var keyX: [Int] = []
        var keyR: [UInt64] = []
        var keyT: [UInt64] = []
        var ofCustomer = [Int32](repeating: 0, count: n)
        var counts: [Int] = []
        var size = 16
        var shift: UInt64 = 60
        while size < 2 * n {
            size *= 2
            shift -= 1
        }
        var slots = [Int32](repeating: -1, count: size)
        let mask = size - 1
        x.withUnsafeBufferPointer { xs in
            tx.withUnsafeBufferPointer { rs in
                ages.withUnsafeBufferPointer { ts in
                    slots.withUnsafeMutableBufferPointer { slots in
                        for i in 0..<n {
                            // `+ 0` makes −0 into +0: the two are equal, so they must hash alike (and
                            // compare alike by bits: the values are not NaN, so equal values are equal bits).
                            let r = (rs[i] + 0).bitPattern
                            let t = (ts[i] + 0).bitPattern
                            var h = UInt64(bitPattern: Int64(xs[i])) &* 0x9E37_79B9_7F4A_7C15
                            h = (h ^ r) &* 0xFF51_AFD7_ED55_8CCD
                            h = (h ^ t) &* 0xC4CE_B9FE_1A85_EC53
                            // The top bits: a product's low bits see only its factors' low bits, and a
                            // whole number of weeks has none set (a table-long run of collisions).
                            var slot = Int(truncatingIfNeeded: h >> shift)
                            while true {
                                let g = slots[slot]
                                if g < 0 {
                                    slots[slot] = Int32(first.count)
                                    ofCustomer[i] = Int32(first.count)
                                    first.append(i)
                                    keyX.append(xs[i])
                                    keyR.append(r)
                                    keyT.append(t)
                                    counts.append(1)
                                    break
                                }
                                let k = Int(g)
                                if keyX[k] == xs[i] && keyR[k] == r && keyT[k] == t {
                                    ofCustomer[i] = g
                                    counts[k] += 1
                                    break
                                }
                                slot = (slot + 1) & mask
                            }
                        }
                    }
                }
            }
        }
        // The distinct histories sorted as every customer would be (distinct keys: no ties): by one array of
        // keys whose integer order is the values' order (x, tₓ, T), compared in place rather than through
        // indexes into three arrays.
        var keys = [SortKey](unsafeUninitializedCapacity: first.count) { buffer, initialized in
            for g in first.indices {
                buffer[g] = SortKey(x: keyX[g], recency: keyR[g], age: keyT[g], group: Int32(g))
            }
            initialized = first.count
        }
        keys.sort()
        let order = keys.map { Int($0.group) }
        var position = [Int32](repeating: 0, count: first.count)
        for (rank, g) in order.enumerated() { position[g] = Int32(rank) }
        frequency.reserveCapacity(order.count)
        recency.reserveCapacity(order.count)
        age.reserveCapacity(order.count)
        weight.reserveCapacity(order.count)
        var runStart = 0
        for g in order {
            let i = first[g]
            if let last = frequency.last, Int(last) != x[i] {
                runs.append((last, runStart..<frequency.count, 0))
                runStart = frequency.count
            }
            frequency.append(Double(x[i]))
            recency.append(tx[i])
            age.append(ages[i])
            weight.append(Double(counts[g]))
        }
        if !frequency.isEmpty { runs.append((frequency[frequency.count - 1], runStart..<frequency.count, 0)) }
        for index in runs.indices {
            runs[index].weight = runs[index].range.reduce(0) { $0 + weight[$1] }
        }
        groupOfCustomer = ofCustomer.map { position[Int($0)] }
    }

    /// No groups yet.
    init() {}

    /// Groups the histories by sorting every customer (stably) and merging equal neighbours.
    init(sortingEvery x: [Int], recency tx: [Double], age ages: [Double]) {
        let n = x.count
        var order = Array(0..<n)
        x.withUnsafeBufferPointer { xs in
            tx.withUnsafeBufferPointer { rs in
                ages.withUnsafeBufferPointer { ts in
                    order.sort { i, j in
                        if xs[i] != xs[j] { return xs[i] < xs[j] }
                        if rs[i] != rs[j] { return rs[i] < rs[j] }
                        return ts[i] < ts[j]
                    }
                }
            }
        }
        groupOfCustomer = Array(repeating: 0, count: n)
        var runStart = 0
        for position in 0..<n {
            let i = order[position]
            let last = frequency.count - 1
            if last >= 0, Int(frequency[last]) == x[i], recency[last] == tx[i], age[last] == ages[i] {
                weight[last] += 1
            } else {
                if last >= 0, Int(frequency[last]) != x[i] {
                    runs.append((frequency[last], runStart..<frequency.count, 0))
                    runStart = frequency.count
                }
                frequency.append(Double(x[i]))
                recency.append(tx[i])
                age.append(ages[i])
                weight.append(1)
            }
            groupOfCustomer[i] = Int32(frequency.count - 1)
        }
        if !frequency.isEmpty { runs.append((frequency[frequency.count - 1], runStart..<frequency.count, 0)) }
        for index in runs.indices {
            runs[index].weight = runs[index].range.reduce(0) { $0 + weight[$1] }
        }
    }
}

extension PurchaseHistoryGroups {
    /// A distinct history as three unsigned integers in the order of its values — x, then tₓ, then T (the
    /// doubles' bits made order-preserving: negatives' bits flipped, positives' sign bit set; −0 already
    /// +0, no NaN) — and its group.
    struct SortKey: Comparable {
        let x: UInt64
        let recency: UInt64
        let age: UInt64
        let group: Int32

        init(x: Int, recency: UInt64, age: UInt64, group: Int32) {
            self.x = UInt64(bitPattern: Int64(x)) ^ (1 << 63)
            self.recency = Self.ordered(recency)
            self.age = Self.ordered(age)
            self.group = group
        }

        private static func ordered(_ bits: UInt64) -> UInt64 {
            bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
        }

        static func < (a: SortKey, b: SortKey) -> Bool {
            if a.x != b.x { return a.x < b.x }
            if a.recency != b.recency { return a.recency < b.recency }
            return a.age < b.age
        }
    }

    /// Groups histories after checking them: x ≥ 0, 0 ≤ tₓ ≤ T finite, tₓ = 0 when x = 0.
    static func validated(frequency: [Int], recency: [Double], age: [Double]) throws(CLVError) -> PurchaseHistoryGroups
    {
        guard recency.count == frequency.count, age.count == frequency.count else {
            throw .mismatchedColumns([frequency.count, recency.count, age.count])
        }
        for i in frequency.indices {
            let x = frequency[i]
            let tx = recency[i]
            let T = age[i]
            guard x >= 0, tx.isFinite, T.isFinite, tx >= 0, tx <= T, x > 0 || tx == 0 else {
                throw .invalidHistory(index: i)
            }
        }
        guard !frequency.isEmpty else { throw .noCustomers }
        return PurchaseHistoryGroups(frequency: frequency, recency: recency, age: age)
    }

    /// A starting rate parameter for the optimizer: α such that r/α with r = 1 is the pooled purchase rate.
    var pooledRateScale: Double {
        var purchases = 0.0
        var exposure = 0.0
        for i in 0..<count {
            purchases += frequency[i] * weight[i]
            exposure += age[i] * weight[i]
        }
        return max(exposure, 1e-3) / max(purchases, 1)
    }
}
