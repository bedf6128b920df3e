import FlywheelCore
import FlywheelFlows
import Foundation

/// Flows: one table row per flow and one per A/B variant — entered, holdout, sent, delivered, opened, clicked,
/// converted, revenue and the lift against the holdout with its 95 % interval (`FlowReports`).
struct FlowsPage {
    let reports: [FlowMeasurement]
    let windowDays: Int
    let numbers: DashboardNumbers
    let text: [String: String]

    func content() -> [String: Any] {
        var rows: [[String: String]] = []
        for measurement in reports {
            rows.append(row(measurement.flowID, label: measurement.flowID, measurement.report, variant: false))
            for variant in measurement.variants {
                rows.append(
                    row(
                        measurement.flowID + "-" + variant.variant,
                        label: DashboardText.format(text["flows_variant"] ?? "", variant.variant), variant.report,
                        variant: true))
            }
        }
        let unreadable = reports.reduce(0) { $0 + $1.unreadable }
        var content: [String: Any] = [
            "intro": DashboardText.format(text["flows_intro"] ?? "", numbers.count(windowDays)), "rows": rows,
        ]
        if unreadable > 0 { content["unreadable"] = DashboardText.format(text["flows_unreadable"] ?? "", numbers.count(unreadable)) }
        return content
    }

    private func row(_ id: String, label: String, _ report: FlowReport, variant: Bool) -> [String: String] {
        let counts = report.counts
        func share(_ n: Int, _ rate: Double?) -> String {
            rate.map { "\(numbers.count(n)) (\(numbers.percent($0)))" } ?? numbers.count(n)
        }
        var row = [
            "id": id, "label": label, "entered": numbers.count(counts.entered), "holdout": numbers.count(counts.holdoutEntered),
            "sent": numbers.count(counts.sent), "delivered": share(counts.delivered, report.deliveryRate),
            "opened": share(counts.opened, report.openRate), "clicked": share(counts.clicked, report.clickRate),
            "converted": share(counts.converted, report.conversionRate),
            "holdoutConverted": share(counts.holdoutConverted, report.holdoutConversionRate),
            "revenue": numbers.money(counts.revenue.minorUnits),
            "lift": text["flows_no_holdout"] ?? "",
        ]
        if variant { row["variant"] = "1" }
        if let lift = report.incrementalRepeatRate {
            row["lift"] = DashboardText.format(
                text["flows_lift_value"] ?? "", points(lift.estimate), points(lift.lower), points(lift.upper))
            if lift.excludesZero { row["significant"] = "1" }
        }
        return row
    }

    /// A difference of rates in percentage points, signed: `+20.0`, `−16.0`.
    private func points(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 10
        return (rounded > 0 ? "+" : rounded < 0 ? "−" : "±") + numbers.decimal(abs(rounded), 1)
    }
}
