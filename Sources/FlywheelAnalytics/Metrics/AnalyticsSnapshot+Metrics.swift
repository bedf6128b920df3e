extension AnalyticsSnapshot {
    /// The retention metrics of every period from `first` through `last` (one granularity) and of the whole
    /// history, over the customers of `segment` (judged as of the snapshot's instant).
    public func metrics(
        from first: Period, through last: Period, segment: CustomerFilter = .all
    ) throws(SegmentRuleError) -> MetricsReport {
        precondition(first.granularity == last.granularity, "a range needs one granularity")
        let granularity = first.granularity
        let (set, mask) = try aggregates(segment)
        let periods = Period.range(from: first, through: last)
        let accumulator = set.periods(granularity)
        let range = first.index...max(first.index, last.index)
        let pass = OccasionPass(self, granularity: granularity, periods: range, mask: mask)
        let feedbackPass = FeedbackPass(self, bucketCount: range.count, mask: mask) { day in
            let p = granularity.index(ofMonthIndex: MonthIndex.of(dayNumber: Int(day)))
            return range.contains(p) ? p - range.lowerBound : nil
        }
        let rows = periods.map { period in
            let slot = period.index - range.lowerBound
            return periodMetrics(
                period, cell: accumulator.cells[period.index], accumulator: accumulator, pass: pass, slot: slot,
                feedback: feedbackPass.metrics(slot))
        }
        return MetricsReport(
            currency: currency, asOf: asOf, segment: segment, granularity: granularity,
            marginBasisPoints: options.marginBasisPoints, lapseWindow: lapseWindow, periods: rows,
            allTime: allTimeMetrics(set, mask: mask), excluded: table.excluded)
    }

    /// The metrics of one period over the customers of `segment`.
    public func metrics(for period: Period, segment: CustomerFilter = .all) throws(SegmentRuleError) -> PeriodMetrics {
        try metrics(from: period, through: period, segment: segment).periods[0]
    }

    /// The periods of `granularity` from the first purchase's through the snapshot's instant (empty when
    /// nothing was bought).
    public func periods(_ granularity: PeriodGranularity) -> [Period] {
        let firstDays = (0..<table.customers.count).compactMap { all.stats.isBuyer($0) ? all.stats.firstDay[$0] : nil }
        guard let firstDay = firstDays.min() else { return [] }
        func period(ofDay day: Int32) -> Period {
            Period(granularity: granularity, index: granularity.index(ofMonthIndex: MonthIndex.of(dayNumber: Int(day))))
        }
        let first = period(ofDay: firstDay)
        let last = period(ofDay: asOfDay)
        return Period.range(from: first, through: last)
    }

    // swift-format-ignore
    private func periodMetrics(
        _ period: Period, cell: PeriodCell, accumulator: PeriodAccumulator, pass: OccasionPass, slot: Int,
        feedback: FeedbackMetrics
    ) -> PeriodMetrics {
        let started = period.firstDayNumber <= Int(asOfDay)
        let customersAtStart = pass.customersAtStart[slot]
        return PeriodMetrics(
            period: period, firstDay: period.firstDay.description, lastDay: period.lastDay.description,
            complete: period.lastDayNumber < Int(asOfDay),
            customers: Int(cell.customers), newCustomers: Int(cell.newCustomers),
            returningCustomers: Int(cell.returningCustomers),
            repeatPurchaseRate: Fraction.ratio(cell.returningCustomers, cell.customers),
            orders: Int(cell.orders), purchaseOccasions: Int(cell.occasions), repeatOrders: Int(cell.repeatOrders),
            cancelledOrders: Int(cell.cancelledOrders), fullyRefundedOrders: Int(cell.fullyRefundedOrders),
            purchaseFrequency: Fraction.ratio(cell.occasions, cell.customers),
            ordersPerCustomer: Fraction.ratio(cell.orders, cell.customers),
            grossRevenueMinor: cell.grossRevenue, refundedMinor: cell.refunded, netRevenueMinor: cell.netRevenue,
            repeatNetRevenueMinor: cell.repeatNetRevenue,
            averageOrderValueMinor: Fraction.rounded(cell.netRevenue, cell.orders),
            acquiredLTV: HistoricalLTV(
                customers: cell.newCustomers, orders: cell.acquiredLifetimeOrders, net: cell.acquiredLifetimeNet,
                marginBasisPoints: options.marginBasisPoints),
            discountAcquired: Int(cell.acquiredDiscounted),
            acquisition: acquisitionCost(
                months: period.firstMonthIndex..<(period.firstMonthIndex + period.granularity.months),
                acquisitions: { channel in accumulator.acquisition(channel: channel, period: period.index) }),
            churn: started
                ? ChurnFigures(
                    customersAtStart: Int(customersAtStart), churned: Int(pass.churned[slot]),
                    rate: Fraction.ratio(pass.churned[slot], customersAtStart))
                : nil,
            interPurchase: InterPurchaseStats(pass.gaps[slot]),
            crossCategoryRate: Fraction.ratio(cell.returningWithNewCategory, cell.returningWithCategories),
            upsellRate: Fraction.ratio(cell.returningWithHigherValue, cell.returningCustomers),
            feedback: feedback)
    }

    private func allTimeMetrics(_ set: AggregateSet, mask: [Bool]?) -> AllTimeMetrics {
        let totals = set.lifetime
        let customers = mask.map { $0.reduce(0) { $0 + ($1 ? 1 : 0) } } ?? table.customers.count
        let feedback = FeedbackPass(self, bucketCount: 1, mask: mask) { _ in 0 }.metrics(0)
        let asOfMonth = MonthIndex.of(dayNumber: Int(asOfDay))
        let yearly = set.year
        return AllTimeMetrics(
            customers: customers, buyers: Int(totals.buyers), repeatBuyers: Int(totals.repeatBuyers),
            loyalBuyers: Int(totals.loyalBuyers),
            repeatPurchaseRate: Fraction.ratio(totals.repeatBuyers, totals.buyers), orders: Int(totals.orders),
            purchaseOccasions: Int(totals.occasions), cancelledOrders: Int(totals.cancelledOrders),
            fullyRefundedOrders: Int(totals.fullyRefundedOrders),
            purchaseFrequency: Fraction.ratio(totals.occasions, totals.buyers),
            ordersPerCustomer: Fraction.ratio(totals.orders, totals.buyers), grossRevenueMinor: totals.grossRevenue,
            refundedMinor: totals.refunded, netRevenueMinor: totals.netRevenue,
            averageOrderValueMinor: Fraction.rounded(totals.netRevenue, totals.orders),
            ltv: HistoricalLTV(
                customers: totals.buyers, orders: totals.orders, net: totals.netRevenue,
                marginBasisPoints: options.marginBasisPoints),
            discountAcquired: Int(totals.discountAcquired), interPurchase: InterPurchaseStats(set.gaps),
            crossCategoryRate: Fraction.ratio(totals.repeatWithNewCategory, totals.repeatWithCategories),
            upsellRate: Fraction.ratio(totals.repeatWithHigherValue, totals.repeatBuyers),
            acquisition: acquisitionCost(months: Int.min..<(asOfMonth + 1)) { channel in
                var sum = AcquisitionCell()
                let slot = Int(channel) + 1
                guard slot < yearly.acquisitions.count else { return sum }
                for index in yearly.acquisitions[slot].nonZeroIndexes {
                    let cell = yearly.acquisitions[slot][index]
                    sum.newCustomers += cell.newCustomers
                    sum.lifetimeOrders += cell.lifetimeOrders
                    sum.lifetimeNet += cell.lifetimeNet
                }
                return sum
            },
            feedback: feedback)
    }

    /// CAC per channel over `months`, from the spend ledger and the acquisitions `acquisitions` gives per
    /// channel index (`-1`: orders naming no channel).
    private func acquisitionCost(months: Range<Int>, acquisitions: (Int32) -> AcquisitionCell) -> AcquisitionCost {
        let spend = table.spend.spendByChannel(months: months)
        var rows: [ChannelAcquisition] = []
        var totalNew: Int64 = 0
        for channel in Int32(-1)..<Int32(table.channels.count) {
            let acquired = acquisitions(channel)
            totalNew += acquired.newCustomers
            let spent = spend[channel] ?? 0
            guard acquired.newCustomers > 0 || spent > 0 else { continue }
            let ltv = HistoricalLTV(
                customers: acquired.newCustomers, orders: acquired.lifetimeOrders, net: acquired.lifetimeNet,
                marginBasisPoints: options.marginBasisPoints)?.formulaMinor
            let cac = channel >= 0 ? Fraction.rounded(spent, acquired.newCustomers) : nil
            var ratio: Double?
            if let ltv, let cac, cac > 0 { ratio = Double(ltv) / Double(cac) }
            rows.append(
                ChannelAcquisition(
                    channel: table.channels.value(at: channel), spendMinor: spent,
                    newCustomers: Int(acquired.newCustomers),
                    cacMinor: cac, ltvMinor: ltv, ltvToCAC: ratio))
        }
        rows.sort { ($0.channel ?? "\u{10FFFF}") < ($1.channel ?? "\u{10FFFF}") }
        let totalSpend = spend.values.reduce(0, +)
        return AcquisitionCost(
            channels: rows, spendMinor: totalSpend, newCustomers: Int(totalNew),
            blendedCACMinor: Fraction.rounded(totalSpend, totalNew))
    }
}
