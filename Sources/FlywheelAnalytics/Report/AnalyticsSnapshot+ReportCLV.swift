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
        // Every purchase up to the cutoff, customer by customer in time order (the engine's grouping of the
        // rows), summarised without a transaction log (the same summary: `CLVSummary(customerCount:…)`).
        let summaryOptions = CLVSummaryOptions(calibrationEnd: Int(asOfDay), timeUnit: .week, minorUnitDigits: digits)
        let summary = try observer.measure("clv: summary") { () throws(CLVError) in
            let summary = table.placedAt.withUnsafeBufferPointer { placedAt in
                table.flags.withUnsafeBufferPointer { flags in
                    table.day.withUnsafeBufferPointer { day in
                        table.net.withUnsafeBufferPointer { net in
                            Result { () throws(CLVError) in
                                try CLVSummary(customerCount: table.customers.count, options: summaryOptions) { c, days, values in
                                    for row in index.rows(of: c) {
                                        let r = Int(row)
                                        guard placedAt[r] <= cutoff && flags[r].isPurchase else { continue }
                                        days.append(day[r])
                                        values.append(net[r])
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return try summary.get()
        }
        // The histories grouped once, for the fit and the forecast.
        let groups = try observer.measure("clv: grouping") { () throws(CLVError) in
            try PurchaseHistoryGroups.validated(frequency: summary.frequency, recency: summary.recency, age: summary.age)
        }
        // Gamma-Gamma's fit (a few tenths of a second at a million customers) beside BG/NBD's.
        let (fittedPurchases, fittedSpend) = ThreadedWork.pair(
            { observer.measure("clv: fit BG/NBD") { Result { () throws(CLVError) in try BGNBDModel.fit(groups) } } },
            { [summary] in
                observer.measure("clv: fit Gamma-Gamma") {
                    Result { () throws(CLVError) in try GammaGammaModel.fit(summary) }
                }
            })
        let purchases = try fittedPurchases.get()
        let spend = try fittedSpend.get()
        let forecast = observer.measure("clv: forecast") {
            CLVForecast(
                summary: summary, groups: groups, model: purchases.model, spend: spend.model,
                options: CLVForecastOptions(
                    horizon: options.horizonWeeks, months: options.months,
                    monthlyDiscountRate: options.monthlyDiscountRate))
        }

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
