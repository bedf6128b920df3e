import FlywheelCore

/// The report as one CSV table in long form, for spreadsheets and scripts: every figure is one row
/// `section,group,item,metric,value,unit` (RFC 4180: CRLF line ends, fields with commas, quotes or line
/// breaks quoted, quotes doubled). A pivot table on `item` × `metric` gives back any section's table.
///
/// - `section`: `report`, `excluded`, `headline`, `channels`, `monthly`, `cohorts`, `funnel`, `segments`,
///   `gaps`, `clv`; `group` subdivides (`lifecycle`, `rfm`, a cohort's month, `bgnbd` …); `item` names
///   the row (a month, a channel, a stage); `metric` is the JSON report's key.
/// - Money is a decimal in major units (`1234.56`) with the currency code as `unit`; rates are fractions
///   (`ratio`); a figure without data has an empty `value`. Language-independent.
/// - Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`) is prefixed with `'`.
public struct CSVReportRenderer: Sendable {
    private let report: RetentionReport
    private var lines: [String] = []

    /// A renderer of `report`.
    public init(_ report: RetentionReport) { self.report = report }

    /// The CSV text, header first.
    public static func render(_ report: RetentionReport) -> String {
        var renderer = CSVReportRenderer(report)
        renderer.build()
        return renderer.lines.joined()
    }

    // MARK: Sections

    private mutating func build() {
        lines.append("section,group,item,metric,value,unit\r\n")
        let r = report
        text("report", "", "", "shop_name", r.shopName)
        text("report", "", "", "time_zone", r.timeZone)
        text("report", "", "", "currency", r.currency)
        text("report", "", "", "as_of", r.asOfDay)
        text("report", "", "", "from_month", r.fromMonth)
        text("report", "", "", "through_month", r.throughMonth)
        text("report", "", "", "segment", Self.segmentName(r.segment))
        count("report", "", "", "segment_customers", r.segmentCustomers)
        let e = r.excluded
        for (metric, value) in [
            ("orders_in_other_currencies", e.ordersInOtherCurrencies), ("guest_orders", e.guestOrders),
            ("refunds_in_other_currencies", e.refundsInOtherCurrencies),
            ("refunds_without_order", e.refundsWithoutOrder), ("spend_in_other_currencies", e.spendInOtherCurrencies),
            ("answers_out_of_scale", e.answersOutOfScale),
        ] {
            count("excluded", "", "", metric, value)
        }
        if let headline = r.headline { self.headline(headline) }
        if let months = r.monthly { monthly(months) }
        if let cohorts = r.cohorts { self.cohorts(cohorts) }
        if let funnel = r.funnel { self.funnel(funnel) }
        if let segments = r.segments { self.segments(segments) }
        if let gaps = r.gaps { self.gaps(gaps) }
        if let clv = r.clv { self.clv(clv) }
        if let reason = r.clvUnavailable { text("clv", "", "", "unavailable", reason) }
    }

    private mutating func headline(_ h: ReportHeadline) {
        let s = "headline"
        count(s, "", "", "customers", h.customers)
        count(s, "", "", "buyers", h.buyers)
        count(s, "", "", "repeat_buyers", h.repeatBuyers)
        count(s, "", "", "loyal_buyers", h.loyalBuyers)
        count(s, "", "", "orders", h.orders)
        money(s, "", "", "net_revenue", h.netRevenueMinor)
        ratio(s, "", "", "repeat_purchase_rate", h.repeatPurchaseRate)
        number(s, "", "", "purchase_frequency", h.purchaseFrequency, unit: "purchases_per_buyer")
        money(s, "", "", "average_order_value", h.averageOrderValueMinor)
        money(s, "", "", "ltv_exact", h.ltvExactMinor)
        money(s, "", "", "ltv_formula", h.ltvFormulaMinor)
        count(s, "", "", "margin_basis_points", h.marginBasisPoints)
        count(s, "", "", "range_new_customers", h.rangeNewCustomers)
        count(s, "", "", "range_orders", h.rangeOrders)
        money(s, "", "", "range_net_revenue", h.rangeNetRevenueMinor)
        ratio(s, "", "", "monthly_churn_rate", h.monthlyChurnRate)
        count(s, "", "", "churned_customers", h.churnedCustomers)
        score(s, "", "", "nps", h.nps)
        score(s, "", "", "csat", h.csat)
        number(s, "", "", "loyalty_index", h.loyaltyIndex, unit: "score")
        money(s, "", "", "blended_cac", h.blendedCacMinor)
        for channel in h.channels {
            let item = channel.channel ?? ""
            money("channels", "", item, "spend", channel.spendMinor)
            count("channels", "", item, "new_customers", channel.newCustomers)
            money("channels", "", item, "cac", channel.cacMinor)
            money("channels", "", item, "ltv", channel.ltvMinor)
            number("channels", "", item, "ltv_to_cac", channel.ltvToCac, unit: "ratio")
        }
    }

    private mutating func monthly(_ months: [ReportMonth]) {
        for m in months {
            let s = "monthly"
            let item = m.month
            text(s, "", item, "complete", m.complete ? "true" : "false")
            count(s, "", item, "customers", m.customers)
            count(s, "", item, "new_customers", m.newCustomers)
            count(s, "", item, "returning_customers", m.returningCustomers)
            ratio(s, "", item, "repeat_purchase_rate", m.repeatPurchaseRate)
            count(s, "", item, "orders", m.orders)
            money(s, "", item, "net_revenue", m.netRevenueMinor)
            money(s, "", item, "average_order_value", m.averageOrderValueMinor)
            money(s, "", item, "ltv", m.ltvMinor)
            ratio(s, "", item, "churn_rate", m.churnRate)
            score(s, "", item, "nps", m.nps)
            score(s, "", item, "csat", m.csat)
        }
    }

    private mutating func cohorts(_ rows: [ReportCohortRow]) {
        for row in rows {
            count("cohorts", row.cohort, "", "customers", row.customers)
            for offset in row.retention.indices {
                let item = "M\(offset)"
                count("cohorts", row.cohort, item, "active_customers", row.activeCustomers[offset])
                ratio("cohorts", row.cohort, item, "retention", row.retention[offset])
                let cumulative = row.cumulativeRevenuePerCustomerMinor[offset]
                money("cohorts", row.cohort, item, "cumulative_revenue_per_customer", cumulative)
            }
        }
    }

    private mutating func funnel(_ funnel: ReportFunnel) {
        for stage in funnel.stages {
            let item = stage.stage.rawValue
            count("funnel", "", item, "customers", stage.customers)
            ratio("funnel", "", item, "conversion_from_previous", stage.conversionFromPrevious)
            ratio("funnel", "", item, "share_of_first_time", stage.shareOfFirstTime)
        }
        count("funnel", "", "", "loyal_purchases", funnel.loyalPurchases)
        count("funnel", "", "", "promoters", funnel.promoters)
        count("funnel", "", "", "reviewers", funnel.reviewers)
        optionalCount("funnel", "", "", "referrers", funnel.referrers)
    }

    private mutating func segments(_ segments: ReportSegments) {
        let w = segments.lapseWindow
        count("segments", "lapse_window", "", "active_days", w.activeDays)
        count("segments", "lapse_window", "", "lost_days", w.lostDays)
        text("segments", "lapse_window", "", "learned", w.learned ? "true" : "false")
        count("segments", "lapse_window", "", "gaps", w.gaps)
        for (group, counts) in [("lifecycle", segments.lifecycle), ("rfm", segments.rfm), ("vip", [segments.vip])] {
            for c in counts {
                count("segments", group, c.segment, "customers", c.customers)
                ratio("segments", group, c.segment, "share", c.share)
                money("segments", group, c.segment, "net_spent", c.netSpentMinor)
            }
        }
    }

    private mutating func gaps(_ gaps: ReportGaps) {
        var groups: [(String, String, InterPurchaseStats)] = gaps.overall.map { [("overall", "", $0)] } ?? []
        groups += gaps.byCategory.map { ("category", $0.name, $0.stats) }
        for (group, item, s) in groups {
            count("gaps", group, item, "gaps", s.gaps)
            for (metric, value) in [
                ("mean_days", s.meanDays), ("min_days", Double(s.minDays)), ("p25_days", s.p25Days),
                ("median_days", s.medianDays), ("p75_days", s.p75Days), ("p90_days", s.p90Days),
                ("p95_days", s.p95Days), ("max_days", Double(s.maxDays)),
            ] {
                number("gaps", group, item, metric, value, unit: "days")
            }
        }
    }

    private mutating func clv(_ clv: ReportCLV) {
        let s = "clv"
        text(s, "", "", "calibration_end", clv.calibrationEnd)
        text(s, "", "", "time_unit", clv.timeUnit.rawValue)
        count(s, "", "", "fitted_customers", clv.fittedCustomers)
        count(s, "", "", "repeat_customers", clv.repeatCustomers)
        let m = clv.purchaseModel
        for (metric, value) in [("r", m.r), ("alpha", m.alpha), ("a", m.a), ("b", m.b)] {
            number(s, "bgnbd", "", metric, value, unit: "parameter")
        }
        fit(clv.purchaseFit, group: "bgnbd")
        let g = clv.spendModel
        for (metric, value) in [("p", g.p), ("q", g.q), ("gamma", g.gamma)] {
            number(s, "gamma_gamma", "", metric, value, unit: "parameter")
        }
        fit(clv.spendFit, group: "gamma_gamma")
        number(s, "", "", "horizon", clv.horizon, unit: clv.timeUnit.rawValue)
        count(s, "", "", "months", clv.months)
        number(s, "", "", "monthly_discount_rate", clv.monthlyDiscountRate, unit: "ratio")
        count(s, "", "", "customers", clv.customers)
        number(s, "", "", "expected_purchases", clv.expectedPurchases, unit: "purchases")
        ratio(s, "", "", "mean_probability_alive", clv.meanProbabilityAlive)
        money(s, "", "", "total_clv", clv.totalClvMinor)
        money(s, "", "", "average_clv", clv.averageClvMinor)
        for c in clv.topCustomers {
            let item = c.customer
            count(s, "top_customers", item, "repeat_purchases", c.repeatPurchases)
            money(s, "top_customers", item, "net_spent", c.netSpentMinor)
            ratio(s, "top_customers", item, "probability_alive", c.probabilityAlive)
            number(s, "top_customers", item, "expected_purchases", c.expectedPurchases, unit: "purchases")
            money(s, "top_customers", item, "expected_average_value", c.expectedAverageValueMinor)
            money(s, "top_customers", item, "clv", c.clvMinor)
        }
    }

    private mutating func fit(_ fit: CLVFitReport, group: String) {
        number("clv", group, "", "log_likelihood", fit.logLikelihood, unit: "")
        text("clv", group, "", "converged", fit.converged ? "true" : "false")
        count("clv", group, "", "iterations", fit.iterations)
    }

    // MARK: Rows

    private mutating func row(
        _ section: String, _ group: String, _ item: String, _ metric: String, _ value: String, _ unit: String
    ) {
        let fields = [section, CSVField.defused(group), CSVField.defused(item), metric, value, unit]
        lines.append(fields.map(CSVField.quoted).joined(separator: ",") + "\r\n")
    }

    private mutating func text(_ s: String, _ g: String, _ i: String, _ metric: String, _ value: String) {
        row(s, g, i, metric, CSVField.defused(value), "text")
    }

    private mutating func count(_ s: String, _ g: String, _ i: String, _ metric: String, _ value: Int) {
        row(s, g, i, metric, String(value), "count")
    }

    private mutating func optionalCount(_ s: String, _ g: String, _ i: String, _ metric: String, _ value: Int?) {
        row(s, g, i, metric, value.map(String.init) ?? "", "count")
    }

    private mutating func money(_ s: String, _ g: String, _ i: String, _ metric: String, _ minor: Int64?) {
        row(s, g, i, metric, minor.map { DecimalAmount.format($0, digits: report.minorUnitDigits) } ?? "", report.currency)
    }

    private mutating func ratio(_ s: String, _ g: String, _ i: String, _ metric: String, _ value: Double?) {
        number(s, g, i, metric, value, unit: "ratio")
    }

    private mutating func score(_ s: String, _ g: String, _ i: String, _ metric: String, _ value: ReportScore?) {
        number(s, g, i, metric, value?.score, unit: "score")
        optionalCount(s, g, i, metric + "_responses", value?.responses)
    }

    private mutating func number(_ s: String, _ g: String, _ i: String, _ metric: String, _ value: Double?, unit: String) {
        row(s, g, i, metric, value.flatMap { $0.isFinite ? "\($0)" : nil } ?? "", unit)
    }

    // MARK: Names

    /// `all`, `lifecycle:lapsing`, `rfm:at_risk`, `vip`, `saved:NAME`, `rule:…`.
    static func segmentName(_ filter: CustomerFilter) -> String {
        switch filter {
        case .all: "all"
        case .lifecycle(let stage): "lifecycle:\(stage.rawValue)"
        case .rfm(let segment): "rfm:\(segment.rawValue)"
        case .vip: "vip"
        case .saved(let name): "saved:\(name)"
        case .rule(let rule): "rule:\(rule)"
        }
    }
}
