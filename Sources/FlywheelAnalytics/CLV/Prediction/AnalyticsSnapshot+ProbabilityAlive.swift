extension AnalyticsSnapshot {
    /// Each buyer's probability of being alive at the snapshot's instant under BG/NBD fitted on every purchase
    /// up to it — the fit `reportCLV` makes (calibration end = the snapshot's day, in weeks, same-day purchases
    /// one occasion, values net of refunds), without the spend model. Throws `CLVError` when the model cannot
    /// be fitted (no repeat buyer, say).
    public func probabilitiesAlive() throws(CLVError) -> [String: Double] {
        var log = CLVTransactionLog()
        log.reserveCapacity(table.orderCount)
        for r in 0..<table.orderCount where table.placedAt[r] <= cutoff && table.flags[r].isPurchase {
            log.append(customer: Int(table.customer[r]), day: Int(table.day[r]), minorUnits: table.net[r])
        }
        let summary = try CLVSummary(
            transactions: log,
            options: CLVSummaryOptions(
                calibrationEnd: Int(asOfDay), timeUnit: .week, minorUnitDigits: table.currency.minorUnitDigits))
        let groups = try PurchaseHistoryGroups.validated(
            frequency: summary.frequency, recency: summary.recency, age: summary.age)
        let model = try BGNBDModel.fit(groups).model
        let ids = table.customers.externalIDs
        var alive: [String: Double] = [:]
        alive.reserveCapacity(summary.count)
        for i in 0..<summary.count {
            let p = model.probabilityAlive(frequency: summary.frequency[i], recency: summary.recency[i], age: summary.age[i])
            if p.isFinite { alive[ids[summary.customer[i]]] = p }
        }
        return alive
    }
}
