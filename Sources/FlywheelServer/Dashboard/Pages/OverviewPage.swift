import FlywheelAnalytics
import FlywheelCore

/// The overview: RPR, LTV, LTV:CAC, NPS, CSAT and AOV (all time, with the last complete month against the
/// one before), what changed in plain words, and the monthly trends of RPR, LTV and NPS side by side.
struct OverviewPage {
    let figures: DashboardFigures
    let numbers: DashboardNumbers
    let text: [String: String]
    let strings: ReportStrings

    func content() -> [String: Any] {
        let report = figures.report
        guard let headline = report.headline else { return [:] }
        let months = report.monthly ?? []
        let complete = months.filter(\.complete)
        let now = complete.count >= 1 ? complete[complete.count - 1] : nil
        let before = complete.count >= 2 ? complete[complete.count - 2] : nil

        func compare(_ value: (ReportMonth) -> String, _ raw: (ReportMonth) -> Double?) -> [String: Any] {
            guard let now, let before else { return [:] }
            var direction = ""
            if let a = raw(now), let b = raw(before) { direction = a > b ? "up" : a < b ? "down" : "" }
            return [
                "compare": DashboardText.format(
                    text["this_month_vs"] ?? "", numbers.month(now.month), value(now), value(before)),
                "direction": direction,
            ]
        }
        var ratio: String = text["no_spend"] ?? ""
        if let cac = headline.blendedCacMinor, cac > 0, let ltv = headline.ltvExactMinor {
            ratio = numbers.decimal(Double(ltv) / Double(cac), 1) + " : 1"
        }
        let cards: [[String: Any]] = [
            ["id": "rpr", "label": strings[.repeatPurchaseRate], "value": numbers.percent(headline.repeatPurchaseRate)]
                .merging(compare({ numbers.percent($0.repeatPurchaseRate) }, { $0.repeatPurchaseRate })) { a, _ in a },
            ["id": "ltv", "label": strings[.ltvExact], "value": numbers.money(headline.ltvExactMinor)],
            ["id": "ltv-cac", "label": text["ltv_cac"] ?? "", "value": ratio],
            ["id": "nps", "label": strings[.nps], "value": numbers.score(headline.nps)]
                .merging(compare({ numbers.score($0.nps) }, { $0.nps?.score })) { a, _ in a },
            ["id": "csat", "label": strings[.csat], "value": numbers.score(headline.csat)]
                .merging(compare({ numbers.score($0.csat) }, { $0.csat?.score })) { a, _ in a },
            ["id": "aov", "label": strings[.averageOrderValue], "value": numbers.money(headline.averageOrderValueMinor)]
                .merging(compare({ numbers.money($0.averageOrderValueMinor) }, { $0.averageOrderValueMinor.map(Double.init) })) {
                    a, _ in a
                },
        ]
        let labels = months.map { numbers.shortMonth($0.month) }
        let charts: [[String: Any]] = [
            chart("trend-rpr", "trend_rpr", months.map(\.repeatPurchaseRate), labels) { numbers.percent($0) },
            chart("trend-ltv", "trend_ltv", months.map { $0.ltvMinor.map(numbers.major) }, labels) {
                numbers.format.decimal($0, digits: 0) + " " + numbers.currency
            },
            chart("trend-nps", "trend_nps", months.map { $0.nps?.score }, labels) { numbers.format.decimal($0, digits: 0) },
        ]
        let head = [
            strings[.month], strings[.customers], strings[.newCustomers], strings[.returning],
            strings[.repeatPurchaseRate], strings[.orders], strings[.netRevenue], strings[.averageOrderValue],
            strings[.nps],
        ]
        let rows: [[String: Any]] = months.reversed().map { m in
            [
                "month": numbers.month(m.month) + (m.complete ? "" : " *"),
                "cells": [
                    numbers.count(m.customers), numbers.count(m.newCustomers), numbers.count(m.returningCustomers),
                    numbers.percent(m.repeatPurchaseRate), numbers.count(m.orders), numbers.money(m.netRevenueMinor),
                    numbers.money(m.averageOrderValueMinor), numbers.score(m.nps),
                ],
            ]
        }
        var quiet = text["too_little_history"] ?? ""
        if let now, let before {
            quiet = DashboardText.format(text["nothing_changed"] ?? "", numbers.month(before.month), numbers.month(now.month))
        }
        return [
            "cards": cards, "charts": charts, "monthlyHead": head, "monthlyRows": rows,
            "insights": figures.insights.map { ["text": InsightWording(numbers: numbers, text: text).sentence($0), "direction": $0.difference >= 0 ? "up" : "down"] }, "hasInsights": !figures.insights.isEmpty, "quiet": quiet,
        ]
    }

    private func chart(
        _ id: String, _ key: String, _ values: [Double?], _ labels: [String], format: @escaping (Double) -> String
    ) -> [String: Any] {
        let title = text[key] ?? key
        let svg = SVGLineChart(
            id: id, title: title, values: values, labels: labels, format: format, noData: strings[.noData]
        ).render()
        return ["caption": title, "svg": svg]
    }
}
