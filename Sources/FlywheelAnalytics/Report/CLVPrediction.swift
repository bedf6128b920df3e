/// The report's CLV models as of one instant, before they are summed over a segment: every buyer's
/// purchase history up to the cutoff, BG/NBD and Gamma-Gamma fitted on everyone, and the forecast per
/// buyer. Needs only the table and its grouping by customer — not the engine's figures — so it can run
/// beside the engine's pass (`ReportWorkAhead`).
struct CLVPrediction: Sendable {
    let summary: CLVSummary
    let purchases: CLVFit<BGNBDModel>
    let spend: CLVFit<GammaGammaModel>
    let forecast: CLVForecast

    /// Fits and predicts on every purchase up to `cutoff` (calibration end = `asOfDay`, in weeks, same-day
    /// purchases one occasion, values net of refunds); `observer` hears each step as it runs.
    init(
        table: OrderTable, index: CustomerOrderIndex, cutoff: Int64, asOfDay: Int32, options: ReportCLVOptions,
        observer: (any ReportWorkObserver)?
    ) throws(CLVError) {
        // Every purchase up to the cutoff, customer by customer in time order (the engine's grouping of the
        // rows), summarised without a transaction log (the same summary: `CLVSummary(customerCount:…)`).
        let summaryOptions = CLVSummaryOptions(
            calibrationEnd: Int(asOfDay), timeUnit: .week, minorUnitDigits: table.currency.minorUnitDigits)
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
        forecast = observer.measure("clv: forecast") {
            CLVForecast(
                summary: summary, groups: groups, model: purchases.model, spend: spend.model,
                options: CLVForecastOptions(
                    horizon: options.horizonWeeks, months: options.months,
                    monthlyDiscountRate: options.monthlyDiscountRate))
        }
        self.summary = summary
        self.purchases = purchases
        self.spend = spend
    }
}
