extension AnalyticsSnapshot {
    /// Each buyer's rank by value as the VIP rule's top share counts it: the share of buyers, in percent, who
    /// spent more (net of refunds) up to the snapshot's instant — 0 for the top spender, and a buyer is in the
    /// top X % when the rank is below X (ties share a rank, so ties at the boundary are all in, as
    /// `VIPRule.topShare` has it). Customers without a purchase have no rank. One pass over the customers'
    /// net totals plus a sort; no order is read.
    public func valueRankPercents() -> [String: Double] {
        let stats = all.stats
        let ids = table.customers.externalIDs
        var buyers: [Int] = []
        for c in 0..<ids.count where stats.isBuyer(c) { buyers.append(c) }
        guard !buyers.isEmpty else { return [:] }
        // Highest spend first; a customer's rank is the number of buyers before the first with its spend.
        let spends = buyers.map { stats.netTotal[$0] }.sorted(by: >)
        var firstAt: [Int64: Int] = [:]
        for (position, spend) in spends.enumerated() where firstAt[spend] == nil { firstAt[spend] = position }
        let total = Double(buyers.count)
        var ranks: [String: Double] = [:]
        ranks.reserveCapacity(buyers.count)
        for c in buyers {
            ranks[ids[c]] = 100 * Double(firstAt[stats.netTotal[c]]!) / total
        }
        return ranks
    }
}
