public import FlywheelCore

/// The report as plain text for a terminal: aligned tables, sparklines for the monthly series, at most
/// 100 columns wide (customer ids and the cohort matrix are cut to fit; every figure is in the other
/// formats).
public struct TextReportRenderer: Sendable {
    /// The width the text keeps within.
    public static let width = 100
    /// Month columns of the cohort matrix that fit the width.
    static let cohortMonths = 16
    /// Months a sparkline shows (the latest).
    static let sparklineMonths = 36

    private let report: RetentionReport
    private let words: ReportWording

    /// A renderer of `report` in `locale`.
    public init(_ report: RetentionReport, locale: ShopLocale) {
        self.report = report
        words = ReportWording(report, locale: locale)
    }

    /// The whole report, ending with a newline.
    public func render() -> String {
        var lines = title()
        if let headline = report.headline { lines += section(.sectionHeadline) + self.headline(headline) }
        if let months = report.monthly { lines += section(.sectionMonthly) + monthly(months) }
        if let cohorts = report.cohorts { lines += section(.sectionCohorts) + self.cohorts(cohorts) }
        if let funnel = report.funnel { lines += section(.sectionFunnel) + self.funnel(funnel) }
        if let segments = report.segments { lines += section(.sectionSegments) + self.segments(segments) }
        if let gaps = report.gaps { lines += section(.sectionGaps) + self.gaps(gaps) }
        if let clv = report.clv {
            lines += section(.sectionCLV) + self.clv(clv)
        } else if let reason = report.clvUnavailable {
            lines += section(.sectionCLV) + wrap(words.strings.text(.clvUnavailable, reason))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Sections

    private func title() -> [String] {
        var lines = ["\(words[.title]) — \(report.shopName)"]
        let parts = [
            "\(words[.asOf]) \(report.asOfDay) (\(report.timeZone))",
            "\(words[.months]) \(report.fromMonth) – \(report.throughMonth)",
            "\(words.strings.name(report.segment)) (\(words.count(report.segmentCustomers)))",
            report.currency,
        ]
        lines += wrap(parts.joined(separator: " · "), indent: 0)
        let excluded = words.excluded(report.excluded)
        if !excluded.isEmpty { lines += wrap("\(words[.excluded]): " + excluded.joined(separator: ", "), indent: 0) }
        return lines
    }

    private func section(_ label: ReportLabel) -> [String] {
        let title = words[label].uppercased()
        return ["", title, String(repeating: "═", count: title.count)]
    }

    private func headline(_ h: ReportHeadline) -> [String] {
        let margin = words.numbers.percent(Double(h.marginBasisPoints) / 10_000, digits: 0)
        var lines = ["  " + words.strings.text(.wholeHistory, report.asOfDay)]
        lines += keyValues([
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
        lines += ["", "  " + words.strings.text(.overRange, report.fromMonth, report.throughMonth)]
        lines += keyValues([
            (words[.rangeNewCustomers], words.count(h.rangeNewCustomers)),
            (words[.rangeOrders], words.count(h.rangeOrders)),
            (words[.rangeNetRevenue], words.money(h.rangeNetRevenueMinor)),
            (words[.monthlyChurn], words.percent(h.monthlyChurnRate)),
        ])
        guard !h.channels.isEmpty else { return lines }
        lines += ["", "  \(words[.sectionChannels]) (\(report.currency))"]
        var table = TextTable([
            words[.channel], words[.spend], words[.newCustomers], words[.cac], words[.ltv], words[.ltvToCAC],
        ])
        for channel in h.channels {
            table.add([
                cut(channel.channel ?? words[.noChannel], 24), words.amount(channel.spendMinor),
                words.count(channel.newCustomers), words.amount(channel.cacMinor), words.amount(channel.ltvMinor),
                words.decimal(channel.ltvToCac, 2),
            ])
        }
        lines += compact(table)
        lines += keyValues([(words[.blendedCAC], words.money(h.blendedCacMinor))])
        return lines
    }

    private func monthly(_ months: [ReportMonth]) -> [String] {
        var table = TextTable([
            words[.month], words[.customers], words[.newCustomers], words[.orders],
            "\(words[.netRevenue]) (\(report.currency))", words[.rpr], words[.ltv], words[.churn], words[.nps],
        ])
        for month in months {
            table.add([
                month.month + (month.complete ? "" : "*"), words.count(month.customers), words.count(month.newCustomers),
                words.count(month.orders), wholeAmount(month.netRevenueMinor), words.percent(month.repeatPurchaseRate),
                words.amount(month.ltvMinor), words.percent(month.churnRate),
                month.nps.map { words.numbers.decimal($0.score, digits: 1) } ?? words.noData,
            ])
        }
        var lines = compact(table)
        if months.contains(where: { !$0.complete }) { lines.append("  * \(words[.incomplete])") }
        let shown = months.suffix(Self.sparklineMonths)
        guard let first = shown.first, let last = shown.last else { return lines }
        lines += ["", "  \(words[.sparklines]) \(first.month) – \(last.month)"]
        let series: [(ReportLabel, [Double?], (Double) -> String)] = [
            (.rpr, shown.map(\.repeatPurchaseRate), { words.numbers.percent($0) }),
            (.ltv, shown.map { $0.ltvMinor.map(Double.init) }, { words.amount(Int64($0)) }),
            (.nps, shown.map { $0.nps?.score }, { words.numbers.decimal($0, digits: 1) }),
        ]
        let labelWidth = series.map { words[$0.0].count }.max() ?? 0
        for (label, values, format) in series {
            let name = words[label] + String(repeating: " ", count: labelWidth - words[label].count)
            let present = values.compactMap { $0 }
            let start = "  \(name)  \(Sparkline.render(values))  "
            guard let from = present.first, let to = present.last, let low = present.min(), let high = present.max()
            else {
                lines.append(start + words.noData)
                continue
            }
            let trend = "\(format(from)) → \(format(to))"
            let range = "  (\(words[.minimum]) \(format(low)), \(words[.maximum]) \(format(high)))"
            lines.append(start + trend + (start.count + trend.count + range.count <= Self.width ? range : ""))
        }
        return lines
    }

    private func cohorts(_ rows: [ReportCohortRow]) -> [String] {
        var lines = wrap(words[.cohortNote])
        guard !rows.isEmpty else { return lines + ["  \(words.noData)"] }
        let months = min(Self.cohortMonths, rows.map(\.retention.count).max() ?? 0)
        var table = TextTable([words[.cohort], words[.size]] + (0..<months).map { "M\($0)" })
        for row in rows {
            table.add(
                [row.cohort, words.count(row.customers)]
                    + (0..<months).map { $0 < row.retention.count ? cohortCell(row.retention[$0]) : "" })
        }
        lines += table.lines()
        if (rows.map(\.retention.count).max() ?? 0) > months {
            lines += wrap(words.strings.text(.cohortTruncated, String(months - 1)))
        }
        return lines
    }

    private func funnel(_ funnel: ReportFunnel) -> [String] {
        var table = TextTable([words[.stage], words[.customers], words[.conversion], words[.shareOfFirstTime], ""])
        table.leftAligned = [0, 4]
        for stage in funnel.stages {
            let name =
                stage.stage == .loyal
                ? words.strings.text(.funnelLoyal, String(funnel.loyalPurchases)) : words.strings.name(stage.stage)
            let bar = String(repeating: "█", count: Int(((stage.shareOfFirstTime ?? 0) * 20).rounded()))
            table.add([
                name, words.count(stage.customers),
                stage.stage == .firstTime ? "" : words.percent(stage.conversionFromPrevious),
                words.percent(stage.shareOfFirstTime), bar,
            ])
        }
        var lines = compact(table)
        lines += keyValues([
            (words[.promoters], words.count(funnel.promoters)), (words[.reviewers], words.count(funnel.reviewers)),
            (words[.referrers], funnel.referrers.map(words.count) ?? words[.notTracked]),
        ])
        return lines
    }

    private func segments(_ segments: ReportSegments) -> [String] {
        var lines = wrap(words.lapseWindow(segments.lapseWindow) + " " + words[.segmentsNote])
        for (title, counts) in [(ReportLabel.sectionLifecycle, segments.lifecycle), (.sectionRFM, segments.rfm)] {
            lines += ["", "  \(words[title])"]
            var table = TextTable([
                words[title == .sectionRFM ? .segment : .stage], words[.customers], words[.share],
                "\(words[.netSpent]) (\(report.currency))",
            ])
            for count in counts {
                table.add([
                    words.strings.name(ofCount: count.segment), words.count(count.customers), words.percent(count.share),
                    wholeAmount(count.netSpentMinor),
                ])
            }
            lines += table.lines()
        }
        let vip = segments.vip
        lines += [""]
        lines += keyValues([
            (words[.vip], "\(words.count(vip.customers)) (\(words.percent(vip.share))), \(words.money(vip.netSpentMinor))")
        ])
        return lines
    }

    private func gaps(_ gaps: ReportGaps) -> [String] {
        guard let overall = gaps.overall else { return ["  \(words.noData)"] }
        var table = TextTable([
            "\(words[.category]) (\(words[.days]))", words[.gaps], words[.mean], words[.p25], words[.median],
            words[.p75], words[.p90], words[.p95],
        ])
        func row(_ name: String, _ s: InterPurchaseStats) -> [String] {
            [cut(name, 28), words.count(s.gaps)]
                + [s.meanDays, s.p25Days, s.medianDays, s.p75Days, s.p90Days, s.p95Days].map {
                    words.numbers.decimal($0, digits: 1)
                }
        }
        table.add(row(words[.allPurchases], overall))
        for category in gaps.byCategory { table.add(row(category.name, category.stats)) }
        return table.lines()
    }

    private func clv(_ clv: ReportCLV) -> [String] {
        let n = words.numbers
        var lines = wrap("\(words[.clvModels]) · \(words.strings.text(.clvCalibration, clv.calibrationEnd))")
        lines += wrap(words.strings.text(.clvFittedOn, words.count(clv.fittedCustomers), words.count(clv.repeatCustomers)))
        let m = clv.purchaseModel
        let g = clv.spendModel
        lines += [
            "  BG/NBD       r \(n.decimal(m.r, digits: 4))  α \(n.decimal(m.alpha, digits: 4))  a \(n.decimal(m.a, digits: 4))"
                + "  b \(n.decimal(m.b, digits: 4))  · \(fit(clv.purchaseFit))",
            "  Gamma-Gamma  p \(n.decimal(g.p, digits: 4))  q \(n.decimal(g.q, digits: 4))  γ \(n.decimal(g.gamma, digits: 4))"
                + "  · \(fit(clv.spendFit))",
        ]
        lines += wrap(
            words.strings.text(
                .clvHorizon, n.decimal(clv.horizon, digits: 0), String(clv.months),
                n.percent(clv.monthlyDiscountRate, digits: 1)))
        lines += keyValues([
            (words[.customers], words.count(clv.customers)),
            (words[.clvExpectedPurchases], n.decimal(clv.expectedPurchases, digits: 1)),
            (words[.clvMeanAlive], words.percent(clv.meanProbabilityAlive)),
            (words[.clvTotal], words.money(clv.totalClvMinor)), (words[.clvAverage], words.money(clv.averageClvMinor)),
        ])
        guard !clv.topCustomers.isEmpty else { return lines }
        lines += ["", "  \(words[.sectionTopCustomers]) (\(report.currency))"]
        var table = TextTable([
            words[.customer], words[.repeatPurchases], words[.netSpent], words[.probabilityAlive],
            words[.expectedOrders], words[.expectedOrderValue], words[.clv],
        ])
        for customer in clv.topCustomers {
            table.add([
                cut(customer.customer, 24), words.count(customer.repeatPurchases), words.amount(customer.netSpentMinor),
                n.decimal(customer.probabilityAlive, digits: 3), n.decimal(customer.expectedPurchases, digits: 2),
                words.amount(customer.expectedAverageValueMinor), words.amount(customer.clvMinor),
            ])
        }
        return lines + table.lines()
    }

    // MARK: Helpers

    /// The table's lines with "no data" cells written `–`, and a line saying what `–` means when there is one.
    private func compact(_ table: TextTable) -> [String] {
        var table = table
        var shortened = false
        for r in table.rows.indices {
            for c in table.rows[r].indices where table.rows[r][c] == words.noData {
                table.rows[r][c] = "–"
                shortened = true
            }
        }
        return table.lines() + (shortened ? ["  – \(words.noData)"] : [])
    }

    private func fit(_ report: CLVFitReport) -> String {
        "\(words[.logLikelihood]) \(words.numbers.decimal(report.logLikelihood, digits: 1)), "
            + words[report.converged ? .converged : .notConverged]
    }

    /// Label–value lines, values aligned.
    private func keyValues(_ pairs: [(String, String)]) -> [String] {
        let width = min(52, pairs.map(\.0.count).max() ?? 0)
        return pairs.map { label, value in
            let label = cut(label, width)
            return "  \(label)\(String(repeating: " ", count: width - label.count))  \(value)"
        }
    }

    /// Money without its minor digits, for wide columns: `1,234,567`.
    private func wholeAmount(_ minor: Int64) -> String {
        var divisor: Int64 = 1
        for _ in 0..<words.digits { divisor *= 10 }
        let (quotient, remainder) = minor.quotientAndRemainder(dividingBy: divisor)
        let rounded = remainder.magnitude * 2 >= divisor.magnitude ? quotient + (minor < 0 ? -1 : 1) : quotient
        return words.numbers.amount(rounded, digits: 0)
    }

    /// A retention share in at most three characters: `100`, `45`, `4.5`, `0`.
    private func cohortCell(_ share: Double) -> String {
        let percent = share * 100
        if percent == 0 { return "0" }
        return percent < 9.95 ? words.numbers.decimal(percent, digits: 1) : words.numbers.decimal(percent, digits: 0)
    }

    /// `text` cut to `width` characters with `…`.
    private func cut(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }

    /// `text` broken into lines of at most the report width at spaces.
    private func wrap(_ text: String, indent: Int = 2) -> [String] {
        let margin = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && margin.count + line.count + 1 + word.count > Self.width {
                lines.append(margin + line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(margin + line) }
        return lines
    }
}
