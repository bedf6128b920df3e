import FlywheelAnalytics

/// The funnel: first-time → repeat → loyal → advocates, with counts, conversion and a bar chart.
struct FunnelPage {
    let funnel: ReportFunnel
    let numbers: DashboardNumbers
    let text: [String: String]
    let strings: ReportStrings

    func content() -> [String: Any] {
        let buyers = funnel.stages.first?.customers ?? 0
        let stages: [[String: Any]] = funnel.stages.map { stage in
            [
                "id": stage.stage.rawValue, "name": strings.name(stage.stage), "customers": numbers.count(stage.customers),
                "conversion": stage.conversionFromPrevious.map { numbers.percent($0) } ?? "–",
                "share": numbers.percent(stage.shareOfFirstTime),
            ]
        }
        let chart = SVGBarChart(
            id: "funnel-chart", title: text["funnel_title"] ?? "",
            bars: funnel.stages.map { stage in
                let share = buyers > 0 ? " (" + numbers.percent(Double(stage.customers) / Double(buyers)) + ")" : ""
                return SVGBarChart.Bar(
                    label: strings.name(stage.stage), value: Double(stage.customers),
                    text: numbers.count(stage.customers) + share)
            }
        ).render()
        return [
            "intro": DashboardText.format(text["funnel_intro"] ?? "", numbers.count(funnel.loyalPurchases)),
            "stages": stages, "chart": chart, "promoters": numbers.count(funnel.promoters),
            "reviewers": numbers.count(funnel.reviewers),
            "referrers": funnel.referrers.map(numbers.count) ?? (text["not_tracked"] ?? ""),
        ]
    }
}
