import FlywheelAnalytics

/// A finding of `RetentionReport.insights()` as a sentence in the dashboard's language: the value and
/// month, the value before and its month, and the change (percent, or points for rates and NPS).
struct InsightWording {
    let numbers: DashboardNumbers
    let text: [String: String]

    func sentence(_ insight: ReportInsight) -> String {
        let value: (Double) -> String
        switch insight.kind {
        case .repeatRate, .cohortSecondMonth: value = { numbers.percent($0) }
        case .newCustomers: value = { numbers.count(Int($0)) }
        case .revenue, .averageOrderValue: value = { numbers.money(Int64($0)) }
        case .nps: value = { numbers.format.decimal($0, digits: 1) }
        }
        let change: String
        switch insight.kind {
        case .repeatRate:
            change = DashboardText.format(
                text[insight.difference >= 0 ? "up" : "down"] ?? "",
                numbers.format.decimal(abs(insight.difference) * 100, digits: 1) + " " + (text["points"] ?? ""))
        case .nps:
            change = (insight.difference >= 0 ? "+" : "−") + numbers.format.decimal(abs(insight.difference), digits: 1)
        default:
            change = insight.relativeChange.map { numbers.change($0, text: text) } ?? ""
        }
        return DashboardText.format(
            text["insight_" + insight.kind.rawValue] ?? "", value(insight.value), numbers.month(insight.period),
            value(insight.previousValue), numbers.month(insight.previousPeriod), change)
    }
}
