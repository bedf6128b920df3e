import FlywheelAnalytics

/// Feedback: NPS, CSAT and the three-question loyalty index over the whole history, and NPS by month.
struct FeedbackPage {
    let report: RetentionReport
    let numbers: DashboardNumbers
    let text: [String: String]
    let strings: ReportStrings

    /// Whether there is any survey answer to show.
    var hasData: Bool { report.headline?.nps != nil || report.headline?.csat != nil || report.headline?.loyaltyIndex != nil }

    func content() -> [String: Any] {
        guard let headline = report.headline else { return [:] }
        func responses(_ score: ReportScore?) -> String {
            score.map { DashboardText.format(text["responses"] ?? "", numbers.count($0.responses)) } ?? ""
        }
        let cards: [[String: Any]] = [
            ["id": "feedback-nps", "label": strings[.nps], "value": numbers.score(headline.nps),
             "detail": (text["nps_explained"] ?? "") + " " + responses(headline.nps)],
            ["id": "feedback-csat", "label": strings[.csat], "value": numbers.score(headline.csat),
             "detail": (text["csat_explained"] ?? "") + " " + responses(headline.csat)],
            ["id": "feedback-loyalty-index", "label": text["loyalty_index"] ?? "",
             "value": numbers.decimal(headline.loyaltyIndex, 1), "detail": ""],
        ]
        let months = report.monthly ?? []
        let chart = SVGLineChart(
            id: "feedback-nps-chart", title: text["trend_nps"] ?? "", values: months.map { $0.nps?.score },
            labels: months.map { numbers.shortMonth($0.month) }, format: { numbers.format.decimal($0, digits: 0) },
            noData: strings[.noData]
        ).render()
        return ["cards": cards, "chart": chart]
    }
}
