import FlywheelCore

extension AnalyticsSnapshot {
    /// Assembles the retention report over the customers of `options.segment` as of the snapshot's
    /// instant: each asked-for section from the engine's figures, plus `clv` (from `reportCLV`) when given.
    /// `clvUnavailable` says why a CLV section asked for could not be made. The sections are computed
    /// side by side on every core (they only read the snapshot).
    public func retentionReport(
        _ options: RetentionReportOptions, clv: ReportCLV? = nil, clvUnavailable: String? = nil
    ) throws(SegmentRuleError) -> RetentionReport {
        var report = try assembleReport(options, clv: nil, concurrently: true)
        if options.sections.contains(.clv) {
            report.clv = clv
            report.clvUnavailable = clv == nil ? clvUnavailable : nil
        }
        return report
    }

    /// The retention report with its CLV section (when `options.sections` has `.clv`) made by `reportCLV`
    /// with `clvOptions` at the same time as the other sections: the fits take about as long as all other
    /// sections together, so on two cores the report takes about the time of the fits. When the models
    /// cannot be fitted, `clvUnavailable` says why (`CLVError`'s description). The result is the same as
    /// `retentionReport(options, clv: reportCLV(…))`. `observer` hears each section and each step of the CLV
    /// section as it runs (for timing).
    public func retentionReport(
        _ options: RetentionReportOptions, clvOptions: ReportCLVOptions, observer: (any ReportWorkObserver)? = nil
    ) throws(SegmentRuleError) -> RetentionReport {
        try assembleReport(options, clv: clvOptions, concurrently: true, observer: observer)
    }

    /// One section's figures, computed on its own.
    private enum Part: Sendable {
        case metrics(MetricsReport)
        case cohorts([ReportCohortRow])
        case funnel(ReportFunnel)
        case segments(ReportSegments)
        case gaps(ReportGaps)
        case clv(ReportCLV?, unavailable: String?)
    }

    /// The report's sections, computed one after the other or side by side (`concurrently`), assembled in
    /// one order either way; with `clv`, the CLV section too. `observer` hears each section as it runs.
    func assembleReport(
        _ options: RetentionReportOptions, clv clvOptions: ReportCLVOptions?, concurrently: Bool,
        observer: (any ReportWorkObserver)? = nil
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
        // The CLV fits first: the longest piece of work starts first.
        var work: [@Sendable () -> Result<Part, SegmentRuleError>] = []
        var names: [String] = []
        if sections.contains(.clv), let clvOptions {
            names.append("section clv")
            work.append {
                do {
                    let clv = try reportCLV(segment: segment, options: clvOptions, observer: observer)
                    return .success(.clv(clv, unavailable: nil))
                } catch let error as CLVError {
                    return .success(.clv(nil, unavailable: error.description))
                } catch let error as SegmentRuleError {
                    return .failure(error)
                } catch {
                    return .success(.clv(nil, unavailable: "\(error)"))
                }
            }
        }
        if sections.contains(.headline) || sections.contains(.monthly) {
            names.append("section headline + monthly")
            work.append { Result { () throws(SegmentRuleError) in .metrics(try metrics(from: first, through: last, segment: segment)) } }
        }
        if sections.contains(.cohorts) {
            names.append("section cohorts")
            work.append {
                Result { () throws(SegmentRuleError) in
                    let table = try cohorts(segment: segment)
                    return .cohorts(
                        (table.groups.first?.cohorts ?? []).filter { first <= $0.cohort && $0.cohort <= last }
                            .map(ReportCohortRow.init))
                }
            }
        }
        if sections.contains(.funnel) {
            names.append("section funnel")
            work.append { Result { () throws(SegmentRuleError) in .funnel(ReportFunnel(try funnel(segment: segment))) } }
        }
        if sections.contains(.segments) {
            names.append("section segments")
            work.append { .success(.segments(ReportSegments(segments()))) }
        }
        if sections.contains(.gaps) {
            let gapCategories = options.gapCategories
            names.append("section gaps")
            work.append {
                Result { () throws(SegmentRuleError) in
                    let gaps = try interPurchaseTimes(segment: segment, products: false)
                    return .gaps(
                        ReportGaps(overall: gaps.overall, byCategory: Array(gaps.byCategory.prefix(max(0, gapCategories)))))
                }
            }
        }
        if let observer {
            work = zip(names, work).map { name, body in { observer.measure(name, body) } }
        }
        // Sections the engine started ahead (`ReportAhead`) only wait for their threads here: last, so the
        // others are handed out first. The report is assembled by section whatever the order.
        if let ahead, ahead.startedSections(clv: clvOptions, gaps: segment == .all) {
            let waits = names.map { $0 == "section clv" || $0 == "section gaps" }
            work = zip(work, waits).filter { !$0.1 }.map(\.0) + zip(work, waits).filter { $0.1 }.map(\.0)
        }
        for result in ConcurrentWork.run(work, concurrently: concurrently) {
            switch try result.get() {
            case .metrics(let metrics):
                if sections.contains(.headline) { report.headline = Self.headline(metrics) }
                if sections.contains(.monthly) { report.monthly = metrics.periods.map(Self.month) }
            case .cohorts(let rows): report.cohorts = rows
            case .funnel(let funnel): report.funnel = funnel
            case .segments(let segments): report.segments = segments
            case .gaps(let gaps): report.gaps = gaps
            case .clv(let clv, let unavailable):
                report.clv = clv
                report.clvUnavailable = unavailable
            }
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
