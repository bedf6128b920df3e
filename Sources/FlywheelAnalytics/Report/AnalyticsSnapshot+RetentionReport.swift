import FlywheelCore

extension AnalyticsSnapshot {
    /// Assembles the retention report over the customers of `options.segment` as of the snapshot's
    /// instant: each asked-for section from the engine's figures, plus `clv` (from `reportCLV`) when given.
    /// `clvUnavailable` says why a CLV section asked for could not be made.
    public func retentionReport(
        _ options: RetentionReportOptions, clv: ReportCLV? = nil, clvUnavailable: String? = nil
    ) throws(SegmentRuleError) -> RetentionReport {
        let sections = options.sections
        let (first, last) = months(options)
        let segment = options.segment
        let members = try mask(segment).map { $0.reduce(0) { $0 + ($1 ? 1 : 0) } } ?? table.customers.count
        var report = RetentionReport(
            shopName: options.shopName, timeZone: table.timeZone.identifier, currency: currency,
            minorUnitDigits: table.currency.minorUnitDigits, asOf: asOf, asOfDay: CivilDateText.iso(Int(asOfDay)),
            fromMonth: first.description, throughMonth: last.description, segment: segment,
            segmentCustomers: members, excluded: table.excluded)
        if sections.contains(.headline) || sections.contains(.monthly) {
            let metrics = try metrics(from: first, through: last, segment: segment)
            if sections.contains(.headline) { report.headline = Self.headline(metrics) }
            if sections.contains(.monthly) { report.monthly = metrics.periods.map(Self.month) }
        }
        if sections.contains(.cohorts) {
            let table = try cohorts(segment: segment)
            report.cohorts = (table.groups.first?.cohorts ?? []).filter { first <= $0.cohort && $0.cohort <= last }
                .map(ReportCohortRow.init)
        }
        if sections.contains(.funnel) { report.funnel = ReportFunnel(try funnel(segment: segment)) }
        if sections.contains(.segments) { report.segments = ReportSegments(segments()) }
        if sections.contains(.gaps) {
            let gaps = try interPurchaseTimes(segment: segment)
            report.gaps = ReportGaps(
                overall: gaps.overall, byCategory: Array(gaps.byCategory.prefix(max(0, options.gapCategories))))
        }
        if sections.contains(.clv) {
            report.clv = clv
            report.clvUnavailable = clv == nil ? clvUnavailable : nil
        }
        return report
    }

    /// The report's first and last month: as given, else the snapshot's month and the 24 months up to it
    /// (not before the first purchase).
    private func months(_ options: RetentionReportOptions) -> (Period, Period) {
        let asOfMonth = Period(granularity: .month, index: MonthIndex.of(dayNumber: Int(asOfDay)))
        let last = options.through.map(Period.month) ?? asOfMonth
        if let from = options.from { return (Period.month(from), max(last, Period.month(from))) }
        var first = Period(granularity: .month, index: last.index - (RetentionReportOptions.defaultMonths - 1))
        if let firstPurchase = periods(.month).first, firstPurchase > first { first = min(firstPurchase, last) }
        return (first, last)
    }

    private static func headline(_ metrics: MetricsReport) -> ReportHeadline {
        let all = metrics.allTime
        var churned = 0
        var atStart = 0
        for period in metrics.periods {
            guard let churn = period.churn else { continue }
            churned += churn.churned
            atStart += churn.customersAtStart
        }
        let spend = all.acquisition.spendMinor
        return ReportHeadline(
            customers: all.customers, buyers: all.buyers, repeatBuyers: all.repeatBuyers, loyalBuyers: all.loyalBuyers,
            orders: all.orders, netRevenueMinor: all.netRevenueMinor, repeatPurchaseRate: all.repeatPurchaseRate,
            purchaseFrequency: all.purchaseFrequency, averageOrderValueMinor: all.averageOrderValueMinor,
            ltvExactMinor: all.ltv?.exactMinor, ltvFormulaMinor: all.ltv?.formulaMinor,
            marginBasisPoints: metrics.marginBasisPoints,
            rangeNewCustomers: metrics.periods.reduce(0) { $0 + $1.newCustomers },
            rangeOrders: metrics.periods.reduce(0) { $0 + $1.orders },
            rangeNetRevenueMinor: metrics.periods.reduce(0) { $0 + $1.netRevenueMinor },
            monthlyChurnRate: atStart > 0 ? Double(churned) / Double(atStart) : nil, churnedCustomers: churned,
            channels: spend > 0 ? all.acquisition.channels.map(ReportChannel.init) : [],
            blendedCacMinor: spend > 0 ? all.acquisition.blendedCACMinor : nil,
            nps: all.feedback.nps.map { ReportScore(score: $0.score, responses: $0.respondents) },
            csat: all.feedback.csat.map { ReportScore(score: $0.score, responses: $0.responses) },
            loyaltyIndex: all.feedback.loyaltyIndex.index)
    }

    private static func month(_ period: PeriodMetrics) -> ReportMonth {
        ReportMonth(
            month: period.period.description, complete: period.complete, customers: period.customers,
            newCustomers: period.newCustomers, returningCustomers: period.returningCustomers,
            repeatPurchaseRate: period.repeatPurchaseRate, orders: period.orders,
            netRevenueMinor: period.netRevenueMinor, averageOrderValueMinor: period.averageOrderValueMinor,
            ltvMinor: period.acquiredLTV?.exactMinor, churnRate: period.churn?.rate,
            nps: period.feedback.nps.map { ReportScore(score: $0.score, responses: $0.respondents) },
            csat: period.feedback.csat.map { ReportScore(score: $0.score, responses: $0.responses) })
    }
}
