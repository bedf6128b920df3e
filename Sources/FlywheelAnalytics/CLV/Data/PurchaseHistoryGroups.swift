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
    init(frequency x: [Int], recency tx: [Double], age ages: [Double]) {
        let n = x.count
        precondition(tx.count == n && ages.count == n, "frequency, recency and age must have equal lengths")
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
