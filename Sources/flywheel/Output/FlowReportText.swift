import FlywheelCore
import FlywheelFlows
import Foundation

/// `flywheel flows report` as text: a block per flow, a line per variant.
struct FlowReportText {
    let currency: CurrencyCode
    let windowDays: Int

    func render(_ measurements: [FlowMeasurement]) -> String {
        var out = "Converted: ordered within \(windowDays) days after the flow's last touch (holdout: after the one it was denied).\n"
        for measurement in measurements {
            out += "\n\(measurement.flowID)\n"
            out += lines(measurement.report, indent: "  ")
            for variant in measurement.variants {
                out += "  variant \(variant.variant)\n" + lines(variant.report, indent: "    ")
            }
            if measurement.unreadable > 0 {
                out += "  (\(measurement.unreadable) stored enrolments could not be read and are left out)\n"
            }
        }
        return out
    }

    private func lines(_ report: FlowReport, indent: String) -> String {
        let c = report.counts
        var out = indent + "entered \(c.entered), holdout \(c.holdoutEntered); sent \(c.sent), delivered "
            + "\(c.delivered)\(share(report.deliveryRate)), opened \(c.opened)\(share(report.openRate)), clicked "
            + "\(c.clicked)\(share(report.clickRate))\n"
        out += indent + "converted \(c.converted) of \(c.entered)\(share(report.conversionRate)), holdout "
            + "\(c.holdoutConverted) of \(c.holdoutEntered)\(share(report.holdoutConversionRate)); revenue "
            + money(c.revenue.minorUnits) + "\n"
        if let lift = report.incrementalRepeatRate {
            out += indent + "lift \(points(lift.estimate)) pts (95 % interval \(points(lift.lower)) to \(points(lift.upper))"
                + (lift.excludesZero ? ", excludes zero" : "") + ")"
                + (report.incrementalRevenue.map { "; incremental revenue " + money($0.minorUnits) } ?? "") + "\n"
        } else {
            out += indent + "lift: no holdout group\n"
        }
        return out
    }

    private func share(_ rate: Double?) -> String {
        rate.map { " (" + String(format: "%.1f", $0 * 100) + " %)" } ?? ""
    }

    private func points(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 10
        return (rounded > 0 ? "+" : rounded < 0 ? "-" : "") + String(format: "%.1f", abs(rounded))
    }

    private func money(_ minor: Int64) -> String {
        let digits = currency.minorUnitDigits
        guard digits > 0 else { return "\(minor) \(currency.code)" }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let sign = minor < 0 ? "-" : ""
        let fraction = String(abs(minor) % scale)
        return "\(sign)\(abs(minor) / scale).\(String(repeating: "0", count: digits - fraction.count))\(fraction) \(currency.code)"
    }
}
