extension AnalyticsSnapshot {
    /// Fits BG/NBD and Gamma-Gamma on every purchase up to the snapshot's instant (calibration end = its
    /// day, in weeks, same-day purchases one occasion, values net of refunds) and predicts for every buyer;
    /// sums and lists the top customers over the customers of `segment`. The models describe the whole
    /// shop, so they are always fitted on everyone. Throws `CLVError` when a model cannot be fitted (no
    /// repeat buyer, say) and `SegmentRuleError` for an unknown saved segment.
    public func reportCLV(segment: CustomerFilter = .all, options: ReportCLVOptions = ReportCLVOptions()) throws
        -> ReportCLV
    {
        try reportCLV(segment: segment, options: options, observer: nil)
    }

    /// `reportCLV(segment:options:)`, each step heard by `observer` as it runs (for timing).
    func reportCLV(segment: CustomerFilter, options: ReportCLVOptions, observer: (any ReportWorkObserver)?) throws
        -> ReportCLV
    {
        let mask = try mask(segment)
        let digits = table.currency.minorUnitDigits
        // The models as of this instant: fitted ahead beside the engine's figures (`ReportWorkAhead`) when
        // the engine was asked to, else here.
        let fitted =
            try ahead?.clv(options: options)
            ?? CLVPrediction(table: table, index: index, cutoff: cutoff, asOfDay: asOfDay, options: options, observer: observer)
        let summary = fitted.summary
        let purchases = fitted.purchases
        let spend = fitted.spend
        let forecast = fitted.forecast

        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        func minor(_ major: Double) -> Int64 {
            let value = (major * scale).rounded()
            return value.isFinite && value.magnitude < 9e17 ? Int64(value) : 0
        }
        var customers = 0
        var expected = 0.0
        var alive = 0.0
        var total = 0.0
        var top: [Int] = []  // summary rows, highest CLV first
        let limit = max(0, options.topCustomers)
        for i in 0..<summary.count {
            let c = summary.customer[i]
            if let mask, !mask[c] { continue }
            customers += 1
            expected += forecast.expectedPurchases[i]
            alive += forecast.probabilityAlive[i]
            let value = forecast.lifetimeValue[i]
            if value.isFinite { total += value }
            guard limit > 0, value.isFinite,
                top.count < limit || value > forecast.lifetimeValue[top[top.count - 1]]
            else { continue }
            let at = top.firstIndex { value > forecast.lifetimeValue[$0] } ?? top.count
            top.insert(i, at: at)
            if top.count > limit { top.removeLast() }
        }
        let ids = table.customers.externalIDs
        return ReportCLV(
            calibrationEnd: CivilDateText.iso(Int(asOfDay)), timeUnit: .week, fittedCustomers: summary.count,
            repeatCustomers: summary.frequency.reduce(0) { $0 + ($1 > 0 ? 1 : 0) },
            purchaseModel: purchases.model, purchaseFit: purchases.report, spendModel: spend.model,
            spendFit: spend.report, horizon: options.horizonWeeks, months: options.months,
            monthlyDiscountRate: options.monthlyDiscountRate, customers: customers, expectedPurchases: expected,
            meanProbabilityAlive: customers > 0 ? alive / Double(customers) : nil, totalClvMinor: minor(total),
            averageClvMinor: customers > 0 ? minor(total / Double(customers)) : nil,
            topCustomers: top.map { i in
                let c = summary.customer[i]
                return ReportCLVCustomer(
                    customer: ids[c], repeatPurchases: summary.frequency[i], netSpentMinor: all.stats.netTotal[c],
                    probabilityAlive: forecast.probabilityAlive[i], expectedPurchases: forecast.expectedPurchases[i],
                    expectedAverageValueMinor: minor(forecast.expectedAverageValue[i]),
                    clvMinor: minor(forecast.lifetimeValue[i]))
            })
    }
}
