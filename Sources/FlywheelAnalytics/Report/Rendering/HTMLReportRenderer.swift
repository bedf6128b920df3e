public import FlywheelCore

/// The report as one self-contained HTML page: inline CSS, inline SVG charts drawn here (monthly repeat
/// purchase rate, LTV and NPS side by side; the cohort heatmap), no script and nothing fetched from
/// elsewhere. Every text from the data is escaped; the page names its language (`lang`), and every table
/// has a caption and header cells with a scope, so screen readers can read the figures behind each chart.
public struct HTMLReportRenderer: Sendable {
    private let report: RetentionReport
    private let words: ReportWording
    private let locale: ShopLocale

    /// A renderer of `report` in `locale`.
    public init(_ report: RetentionReport, locale: ShopLocale) {
        self.report = report
        self.locale = locale
        words = ReportWording(report, locale: locale)
    }

    /// The page.
    public func render() -> String {
        let title = "\(words[.title]) — \(report.shopName)"
        var html = "<!DOCTYPE html>\n<html lang=\"\(locale.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>\(e(title))</title>\n<style>\(Self.css)</style>\n</head>\n<body>\n<main>\n"
        html += "<header>\n<h1>\(e(title))</h1>\n<p class=\"meta\">\(e(meta()))</p>\n"
        let excluded = words.excluded(report.excluded)
        if !excluded.isEmpty {
            html += "<p class=\"note\">\(e(words[.excluded])): \(e(excluded.joined(separator: ", ")))</p>\n"
        }
        html += "</header>\n"
        if let headline = report.headline { html += section("headline", .sectionHeadline, self.headline(headline)) }
        if let months = report.monthly { html += section("monthly", .sectionMonthly, monthly(months)) }
        if let cohorts = report.cohorts { html += section("cohorts", .sectionCohorts, self.cohorts(cohorts)) }
        if let funnel = report.funnel { html += section("funnel", .sectionFunnel, self.funnel(funnel)) }
        if let segments = report.segments { html += section("segments", .sectionSegments, self.segments(segments)) }
        if let gaps = report.gaps { html += section("gaps", .sectionGaps, self.gaps(gaps)) }
        if let clv = report.clv {
            html += section("clv", .sectionCLV, self.clv(clv))
        } else if let reason = report.clvUnavailable {
            html += section("clv", .sectionCLV, "<p>\(e(words.strings.text(.clvUnavailable, reason)))</p>\n")
        }
        html += "<footer>\(e(words[.generatedBy]))</footer>\n</main>\n</body>\n</html>\n"
        return html
    }

    // MARK: Sections

    private func meta() -> String {
        [
            "\(words[.asOf]) \(report.asOfDay) (\(report.timeZone))",
            "\(words[.months]) \(report.fromMonth) – \(report.throughMonth)",
            "\(words.strings.name(report.segment)) (\(words.count(report.segmentCustomers)))",
            "\(words[.currency]) \(report.currency)",
        ].joined(separator: " · ")
    }

    private func section(_ id: String, _ label: ReportLabel, _ body: String) -> String {
        "<section id=\"\(id)\" aria-labelledby=\"\(id)-heading\">\n<h2 id=\"\(id)-heading\">\(e(words[label]))</h2>\n"
            + body + "</section>\n"
    }

    private func headline(_ h: ReportHeadline) -> String {
        let margin = words.numbers.percent(Double(h.marginBasisPoints) / 10_000, digits: 0)
        var html = "<div class=\"cards\">\n"
        for (label, value) in [
            (words[.repeatPurchaseRate], words.percent(h.repeatPurchaseRate)),
            (words[.purchaseFrequency], words.decimal(h.purchaseFrequency, 2)),
            (words[.averageOrderValue], words.money(h.averageOrderValueMinor)),
            (words[.ltvExact], words.money(h.ltvExactMinor)), (words[.monthlyChurn], words.percent(h.monthlyChurnRate)),
            (words[.nps], h.nps.map { words.numbers.decimal($0.score, digits: 1) } ?? words.noData),
        ] {
            html += "<div class=\"card\"><div class=\"label\">\(e(label))</div><div class=\"value\">\(e(value))</div></div>\n"
        }
        html += "</div>\n"
        html += keyValueTable(
            caption: "\(words[.sectionHeadline]), \(words.strings.text(.wholeHistory, report.asOfDay))",
            [
                (words[.customers], words.count(h.customers)), (words[.buyers], words.count(h.buyers)),
                (words[.repeatBuyers], words.count(h.repeatBuyers)), (words[.loyalBuyers], words.count(h.loyalBuyers)),
                (words[.orders], words.count(h.orders)), (words[.netRevenue], words.money(h.netRevenueMinor)),
                (words[.repeatPurchaseRate], words.percent(h.repeatPurchaseRate)),
                (words[.purchaseFrequency], words.decimal(h.purchaseFrequency, 2)),
                (words[.averageOrderValue], words.money(h.averageOrderValueMinor)),
                (words[.ltvExact], words.money(h.ltvExactMinor)),
                (words.strings.text(.ltvFormula, margin), words.money(h.ltvFormulaMinor)),
                (words[.nps], words.score(h.nps)), (words[.csat], words.score(h.csat)),
                (words[.loyaltyIndex], words.decimal(h.loyaltyIndex, 1)),
            ])
        html += keyValueTable(
            caption: "\(words[.sectionHeadline]), \(words.strings.text(.overRange, report.fromMonth, report.throughMonth))",
            [
                (words[.rangeNewCustomers], words.count(h.rangeNewCustomers)),
                (words[.rangeOrders], words.count(h.rangeOrders)),
                (words[.rangeNetRevenue], words.money(h.rangeNetRevenueMinor)),
                (words[.monthlyChurn], words.percent(h.monthlyChurnRate)),
            ])
        guard !h.channels.isEmpty else { return html }
        let rows = h.channels.map { c in
            [
                c.channel ?? words[.noChannel], words.amount(c.spendMinor), words.count(c.newCustomers),
                words.amount(c.cacMinor), words.amount(c.ltvMinor), words.decimal(c.ltvToCac, 2),
            ]
        }
        html += table(
            caption: "\(words[.sectionChannels]) (\(report.currency)); \(words[.blendedCAC]): \(words.money(h.blendedCacMinor))",
            header: [words[.channel], words[.spend], words[.newCustomers], words[.cac], words[.ltv], words[.ltvToCAC]],
            rows: rows)
        return html
    }

    private func monthly(_ months: [ReportMonth]) -> String {
        let labels = months.map(\.month)
        let charts = [
            SVGLineChart(
                id: "chart-rpr", title: words[.chartRPR], values: months.map(\.repeatPurchaseRate), labels: labels,
                format: { words.numbers.percent($0, digits: 0) }, noData: words.noData),
            SVGLineChart(
                id: "chart-ltv", title: words[.chartLTV], values: months.map { $0.ltvMinor.map(Double.init) },
                labels: labels, format: { words.amount(Int64($0.rounded())) }, noData: words.noData),
            SVGLineChart(
                id: "chart-nps", title: words[.chartNPS], values: months.map { $0.nps?.score }, labels: labels,
                format: { words.numbers.decimal($0, digits: 0) }, noData: words.noData),
        ]
        var html = "<div class=\"charts\">\n"
        for chart in charts {
            html += "<figure>\(chart.render())<figcaption>\(e(chart.title))</figcaption></figure>\n"
        }
        html += "</div>\n"
        let rows = months.map { m in
            [
                m.month + (m.complete ? "" : " (\(words[.incomplete]))"), words.count(m.customers),
                words.count(m.newCustomers), words.count(m.returningCustomers), words.count(m.orders),
                words.amount(m.netRevenueMinor), words.percent(m.repeatPurchaseRate), words.amount(m.averageOrderValueMinor),
                words.amount(m.ltvMinor), words.percent(m.churnRate), words.score(m.nps), words.score(m.csat),
            ]
        }
        html += table(
            caption: "\(words[.sectionMonthly]) (\(report.currency))",
            header: [
                words[.month], words[.customers], words[.newCustomers], words[.returning], words[.orders],
                words[.netRevenue], words[.rpr], words[.aov], words[.ltv], words[.churn], words[.nps], words[.csat],
            ], rows: rows)
        return html
    }

    private func cohorts(_ rows: [ReportCohortRow]) -> String {
        var html = "<p>\(e(words[.cohortNote]))</p>\n"
        guard !rows.isEmpty else { return html + "<p>\(e(words.noData))</p>\n" }
        let heatmap = SVGCohortHeatmap(
            id: "cohort-heatmap", title: words[.heatmapTitle], rows: rows,
            cellText: { words.numbers.decimal($0 * 100, digits: 0) }, tooltip: { words.numbers.percent($0) })
        html += "<figure class=\"wide\">\(heatmap.render())<figcaption>\(e(words[.heatmapTitle]))</figcaption></figure>\n"
        let months = rows.map(\.retention.count).max() ?? 0
        let header = [words[.cohort], words[.size]] + (0..<months).map { "M\($0)" }
        html += table(
            caption: "\(words[.sectionCohorts]): \(words[.monthsSinceFirst])", header: header,
            rows: rows.map { row in
                [row.cohort, words.count(row.customers)]
                    + (0..<months).map { $0 < row.retention.count ? words.numbers.percent(row.retention[$0]) : "" }
            })
        html += table(
            caption: "\(words[.cumulativeRevenue]) (\(report.currency))", header: header,
            rows: rows.map { row in
                [row.cohort, words.count(row.customers)]
                    + (0..<months).map {
                        $0 < row.cumulativeRevenuePerCustomerMinor.count
                            ? words.amount(row.cumulativeRevenuePerCustomerMinor[$0]) : ""
                    }
            })
        return html
    }

    private func funnel(_ funnel: ReportFunnel) -> String {
        var html = "<div class=\"funnel\">\n"
        for stage in funnel.stages {
            let share = stage.shareOfFirstTime ?? 0
            html += "<div class=\"bar\"><span class=\"name\">\(e(stageName(stage.stage, funnel)))</span>"
            let width = String(format: "%.1f", share * 100)
            html += "<span class=\"track\"><span class=\"fill\" style=\"width:\(width)%\"></span></span>"
            html += "<span class=\"num\">\(e(words.count(stage.customers)))</span></div>\n"
        }
        html += "</div>\n"
        html += table(
            caption: words[.sectionFunnel],
            header: [words[.stage], words[.customers], words[.conversion], words[.shareOfFirstTime]],
            rows: funnel.stages.map { s in
                [
                    stageName(s.stage, funnel), words.count(s.customers),
                    s.stage == .firstTime ? "" : words.percent(s.conversionFromPrevious), words.percent(s.shareOfFirstTime),
                ]
            })
        html += keyValueTable(
            caption: "\(words[.promoters]), \(words[.reviewers]), \(words[.referrers])",
            [
                (words[.promoters], words.count(funnel.promoters)), (words[.reviewers], words.count(funnel.reviewers)),
                (words[.referrers], funnel.referrers.map(words.count) ?? words[.notTracked]),
            ])
        return html
    }

    private func segments(_ segments: ReportSegments) -> String {
        var html = "<p>\(e(words.lapseWindow(segments.lapseWindow))) \(e(words[.segmentsNote]))</p>\n"
        let tables = [(ReportLabel.sectionLifecycle, segments.lifecycle), (.sectionRFM, segments.rfm + [segments.vip])]
        for (label, counts) in tables {
            html += table(
                caption: words[label],
                header: [
                    words[label == .sectionRFM ? .segment : .stage], words[.customers], words[.share],
                    "\(words[.netSpent]) (\(report.currency))",
                ],
                rows: counts.map { c in
                    [
                        words.strings.name(ofCount: c.segment), words.count(c.customers), words.percent(c.share),
                        words.amount(c.netSpentMinor),
                    ]
                })
        }
        return html
    }

    private func gaps(_ gaps: ReportGaps) -> String {
        guard let overall = gaps.overall else { return "<p>\(e(words.noData))</p>\n" }
        func row(_ name: String, _ s: InterPurchaseStats) -> [String] {
            [name, words.count(s.gaps)]
                + [s.meanDays, Double(s.minDays), s.p25Days, s.medianDays, s.p75Days, s.p90Days, s.p95Days, Double(s.maxDays)]
                .map { words.numbers.decimal($0, digits: 1) }
        }
        return table(
            caption: "\(words[.sectionGaps]) (\(words[.days]))",
            header: [
                words[.category], words[.gaps], words[.mean], words[.minimum], words[.p25], words[.median], words[.p75],
                words[.p90], words[.p95], words[.maximum],
            ],
            rows: [row(words[.allPurchases], overall)] + gaps.byCategory.map { row($0.name, $0.stats) })
    }

    private func clv(_ clv: ReportCLV) -> String {
        let n = words.numbers
        var html = "<p>\(e(words[.clvModels])) · \(e(words.strings.text(.clvCalibration, clv.calibrationEnd))) · "
        html += e(words.strings.text(.clvFittedOn, words.count(clv.fittedCustomers), words.count(clv.repeatCustomers)))
        html += "</p>\n<p>"
        html += e(
            words.strings.text(
                .clvHorizon, n.decimal(clv.horizon, digits: 0), String(clv.months),
                n.percent(clv.monthlyDiscountRate, digits: 1)))
        html += "</p>\n"
        let m = clv.purchaseModel
        let g = clv.spendModel
        func fit(_ r: CLVFitReport) -> String {
            "\(n.decimal(r.logLikelihood, digits: 1)) (\(words[r.converged ? .converged : .notConverged]))"
        }
        html += table(
            caption: words[.clvParameters], header: [words[.clvModels], words[.clvParameters], words[.logLikelihood]],
            rows: [
                [
                    "BG/NBD",
                    "r \(n.decimal(m.r, digits: 4)), α \(n.decimal(m.alpha, digits: 4)), "
                        + "a \(n.decimal(m.a, digits: 4)), b \(n.decimal(m.b, digits: 4))",
                    fit(clv.purchaseFit),
                ],
                [
                    "Gamma-Gamma",
                    "p \(n.decimal(g.p, digits: 4)), q \(n.decimal(g.q, digits: 4)), γ \(n.decimal(g.gamma, digits: 4))",
                    fit(clv.spendFit),
                ],
            ])
        html += keyValueTable(
            caption: words[.sectionCLV],
            [
                (words[.customers], words.count(clv.customers)),
                (words[.clvExpectedPurchases], n.decimal(clv.expectedPurchases, digits: 1)),
                (words[.clvMeanAlive], words.percent(clv.meanProbabilityAlive)),
                (words[.clvTotal], words.money(clv.totalClvMinor)), (words[.clvAverage], words.money(clv.averageClvMinor)),
            ])
        guard !clv.topCustomers.isEmpty else { return html }
        html += table(
            caption: "\(words[.sectionTopCustomers]) (\(report.currency))",
            header: [
                words[.customer], words[.repeatPurchases], words[.netSpent], words[.probabilityAlive],
                words[.expectedOrders], words[.expectedOrderValue], words[.clv],
            ],
            rows: clv.topCustomers.map { c in
                [
                    c.customer, words.count(c.repeatPurchases), words.amount(c.netSpentMinor),
                    n.decimal(c.probabilityAlive, digits: 3), n.decimal(c.expectedPurchases, digits: 2),
                    words.amount(c.expectedAverageValueMinor), words.amount(c.clvMinor),
                ]
            })
        return html
    }

    // MARK: Building blocks

    private func stageName(_ stage: FunnelStageName, _ funnel: ReportFunnel) -> String {
        stage == .loyal ? words.strings.text(.funnelLoyal, String(funnel.loyalPurchases)) : words.strings.name(stage)
    }

    /// A table: caption, column headers, rows whose first cell is the row's header.
    private func table(caption: String, header: [String], rows: [[String]]) -> String {
        var html = "<div class=\"scroll\"><table>\n<caption>\(e(caption))</caption>\n<thead><tr>"
        for cell in header { html += "<th scope=\"col\">\(e(cell))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            for (i, cell) in row.enumerated() {
                html += i == 0 ? "<th scope=\"row\">\(e(cell))</th>" : "<td>\(e(cell))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    /// A two-column table of labelled figures.
    private func keyValueTable(caption: String, _ pairs: [(String, String)]) -> String {
        var html = "<div class=\"scroll\"><table class=\"kv\">\n<caption>\(e(caption))</caption>\n<tbody>\n"
        for (label, value) in pairs { html += "<tr><th scope=\"row\">\(e(label))</th><td>\(e(value))</td></tr>\n" }
        return html + "</tbody>\n</table></div>\n"
    }

    private func e(_ text: String) -> String { HTMLText.escape(text) }

    private static let css = """
        :root{color-scheme:light;--ink:#1f2933;--muted:#616e7c;--line:#d9e2ec;--accent:#1d4ed8;--bg:#f8fafc}
        *{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;\
        color:var(--ink);background:var(--bg)}main{max-width:1100px;margin:0 auto;padding:24px}
        h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.2rem;margin:0 0 12px;border-bottom:2px solid var(--line);\
        padding-bottom:4px}section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px 20px;\
        margin:18px 0}.meta,.note,.muted,figcaption,footer{color:var(--muted)}.note{font-size:.9rem}
        .cards{display:flex;flex-wrap:wrap;gap:12px;margin-bottom:12px}.card{flex:1 1 150px;border:1px solid var(--line);\
        border-radius:6px;padding:10px 12px}.card .label{font-size:.8rem;color:var(--muted)}.card .value{font-size:1.3rem;\
        font-weight:600}.scroll{overflow-x:auto}table{border-collapse:collapse;margin:8px 0 14px;font-variant-numeric:\
        tabular-nums}caption{text-align:left;font-weight:600;padding:4px 0;color:var(--muted)}th,td{padding:3px 10px;\
        border-bottom:1px solid var(--line);text-align:right;white-space:nowrap}th[scope=row],thead th:first-child{\
        text-align:left}thead th{border-bottom:2px solid var(--line)}table.kv td{text-align:right}
        .charts{display:flex;flex-wrap:wrap;gap:12px}figure{margin:0;flex:1 1 300px}figure.wide{overflow-x:auto}
        svg{width:100%;height:auto;display:block}svg text{font-size:10px;fill:var(--muted)}svg .cell{font-size:9px;\
        fill:var(--ink)}svg .cell.light{fill:#fff}.grid{stroke:var(--line);stroke-width:1}.zero{stroke:var(--muted);\
        stroke-dasharray:3 3}.line{fill:none;stroke:var(--accent);stroke-width:2}.point{fill:var(--accent)}
        .funnel .bar{display:flex;align-items:center;gap:10px;margin:4px 0}.funnel .name{flex:0 0 190px}\
        .funnel .track{flex:1;background:var(--line);height:14px;border-radius:3px;overflow:hidden}.funnel .fill{\
        display:block;height:100%;background:var(--accent)}.funnel .num{flex:0 0 90px;text-align:right}
        footer{margin-top:24px;font-size:.85rem}
        """
}
