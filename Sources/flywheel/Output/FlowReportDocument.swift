import FlywheelCore
import FlywheelFlows
import Foundation

/// `flywheel flows report --json`: the API's `FlowReport` shape (snake_case keys by the encoder).
struct FlowReportDocument: Encodable {
    /// The API's `FlowReportList`.
    struct List: Encodable {
        var reports: [FlowReportDocument]
    }

    struct Figures: Encodable {
        var entered, holdout, sent, delivered, opened, clicked, converted, holdoutConverted: Int
        var revenueMinor, holdoutRevenueMinor: Int64
        var conversionRate, holdoutConversionRate, openRate, clickRate: Double?
        var lift: Lift?
        var incrementalRevenueMinor: Int64?

        init(_ report: FlowReport) {
            let counts = report.counts
            entered = counts.entered
            holdout = counts.holdoutEntered
            sent = counts.sent
            delivered = counts.delivered
            opened = counts.opened
            clicked = counts.clicked
            converted = counts.converted
            holdoutConverted = counts.holdoutConverted
            revenueMinor = counts.revenue.minorUnits
            holdoutRevenueMinor = counts.holdoutRevenue.minorUnits
            conversionRate = report.conversionRate
            holdoutConversionRate = report.holdoutConversionRate
            openRate = report.openRate
            clickRate = report.clickRate
            lift = report.incrementalRepeatRate.map {
                Lift(estimate: $0.estimate, lower: $0.lower, upper: $0.upper, significant: $0.excludesZero)
            }
            incrementalRevenueMinor = report.incrementalRevenue?.minorUnits
        }
    }

    struct Lift: Encodable {
        var estimate, lower, upper: Double
        var significant: Bool
    }

    struct Variant: Encodable {
        var variant: String
        var figures: Figures
    }

    var flowId: String
    var currency: String
    var since: Date?
    var until: Date?
    var windowDays: Int
    var unreadable: Int
    var totals: Figures
    var variants: [Variant]

    init(_ measurement: FlowMeasurement, currency: CurrencyCode, since: Date?, until: Date?, windowDays: Int) {
        flowId = measurement.flowID
        self.currency = currency.code
        self.since = since
        self.until = until
        self.windowDays = windowDays
        unreadable = measurement.unreadable
        totals = Figures(measurement.report)
        variants = measurement.variants.map { Variant(variant: $0.variant, figures: Figures($0.report)) }
    }
}
