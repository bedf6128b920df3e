import ArgumentParser
import FlywheelAnalytics
import FlywheelCore
import Foundation

extension CLVCommand {
    /// `flywheel clv fit`: fits the repeat-purchase and spend models and, with a holdout, checks them on it.
    struct Fit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fit",
            abstract: "Fit BG/NBD or Pareto/NBD and Gamma-Gamma; test them on the orders after --calibration-end.",
            discussion: """
                Without --calibration-end the models are calibrated on every order. With it, the orders after \
                that day are the holdout: the output compares the repeat purchases the model predicts for that \
                period with those that happened.

                Examples:
                  flywheel clv fit --input CDNOW_sample.txt --input-format cdnow-sample --json
                  flywheel clv fit --calibration-end 2025-06-30
                  flywheel clv fit --model paretonbd --time-unit day --json
                """)

        @OptionGroup var input: HistoryInputOptions
        @OptionGroup var options: ModelOptions

        @Flag(help: "Print one JSON object.")
        var json = false

        func run() async throws {
            let display = ProgressDisplay(enabled: !json && isatty(STDERR_FILENO) == 1)
            try await CLVCommand.reportingFailures(display: display) {
                let calibration = try await Calibration.run(
                    input: input, model: options, holdout: true, display: display)
                var holdout: HoldoutCheck?
                if let length = calibration.summary.holdoutDuration {
                    display.update(fraction: 1, "predicting the holdout")
                    let forecast = CLVForecast(
                        summary: calibration.summary, model: calibration.fit.model,
                        options: CLVForecastOptions(horizon: length, months: 0))
                    holdout = HoldoutCheck(
                        length: length, actual: calibration.summary.totalHoldoutFrequency,
                        predicted: forecast.totalExpectedPurchases)
                }
                display.finish()
                calibration.printWarnings()
                if json {
                    try JSONOutput.print(FitJSON(calibration, holdout: holdout))
                } else {
                    print(Self.table(calibration, holdout: holdout))
                }
            }
        }

        /// Repeat purchases in the holdout: what happened and what the model predicted.
        struct HoldoutCheck {
            var length: Double
            var actual: Int
            var predicted: Double
        }

        /// The readable form.
        static func table(_ c: Calibration, holdout: HoldoutCheck?) -> String {
            let s = c.summary
            let unit = c.timeUnit == .week ? "weeks" : "days"
            let repeatCustomers = s.frequency.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
            var lines = [
                "CLV fit: \(c.fit.model.name) and Gamma-Gamma on \(c.input.description), \(c.currency.code),"
                    + " in \(unit)",
                "",
                "Calibration   \(day(c.firstDay)) … \(day(c.calibrationEnd))   \(Format.count(s.count)) customers,"
                    + " \(Format.count(repeatCustomers)) repeat customers, \(Format.count(c.calibrationTransactions))"
                    + " purchases, \(Format.count(s.totalFrequency)) repeat purchases",
            ]
            if let holdout, let end = s.options.observationEnd {
                let actual = Double(holdout.actual)
                let error = holdout.actual > 0 ? (holdout.predicted - actual) / actual : 0
                let length = fixed(holdout.length, holdout.length.rounded() == holdout.length ? 0 : 1)
                lines.append(
                    "Holdout       \(day(c.calibrationEnd + 1)) … \(day(end))   \(length) \(unit):"
                        + " \(Format.count(holdout.actual)) repeat purchases, predicted \(fixed(holdout.predicted, 1))"
                        + " (\(error >= 0 ? "+" : "")\(Format.percent(error)))")
            } else {
                lines.append("Holdout       none (no orders after the calibration end)")
            }
            lines.append("")
            switch c.fit {
            case .bgnbd(let fit):
                let m = fit.model
                lines.append(
                    "BG/NBD        r \(fixed(m.r, 4))   α \(fixed(m.alpha, 4))   a \(fixed(m.a, 4))"
                        + "   b \(fixed(m.b, 4))")
            case .paretonbd(let fit):
                let m = fit.model
                lines.append(
                    "Pareto/NBD    r \(fixed(m.r, 4))   α \(fixed(m.alpha, 4))   s \(fixed(m.s, 4))"
                        + "   β \(fixed(m.beta, 4))")
            }
            lines.append("              \(fitLine(c.fit.report))")
            let g = c.spend.model
            lines.append("Gamma-Gamma   p \(fixed(g.p, 4))   q \(fixed(g.q, 4))   γ \(fixed(g.gamma, 4))")
            var spendLine = fitLine(c.spend.report) + ", on \(Format.count(c.spend.report.customers)) repeat customers"
            if let mean = minorUnits(g.populationMeanValue, c.currency) {
                spendLine += "; mean order value \(Format.money(Money(minorUnits: mean, currency: c.currency)))"
            }
            lines.append("              \(spendLine)")
            lines.append("")
            lines.append("Orders        \(ordersLine(c))")
            return lines.joined(separator: "\n")
        }

        private static func fitLine(_ report: CLVFitReport) -> String {
            "log-likelihood \(fixed(report.logLikelihood, 3)), "
                + (report.converged ? "converged" : "NOT converged") + " after \(report.iterations) iterations"
        }

        /// What was read and what was left out.
        static func ordersLine(_ c: Calibration) -> String {
            let n = c.collected.counts
            var parts = ["\(Format.count(n.orders)) read", "\(Format.count(n.used)) purchases"]
            if n.replaced > 0 { parts.append("\(Format.count(n.replaced)) replaced by a later row") }
            if n.cancelled > 0 { parts.append("\(Format.count(n.cancelled)) cancelled") }
            if n.fullyRefunded > 0 { parts.append("\(Format.count(n.fullyRefunded)) refunded in full") }
            if n.guest > 0 { parts.append("\(Format.count(n.guest)) guest order\(n.guest == 1 ? "" : "s")") }
            if n.otherCurrency > 0 { parts.append("\(Format.count(n.otherCurrency)) in other currencies") }
            if n.refundedMinor > 0 {
                let refunded = Format.money(Money(minorUnits: n.refundedMinor, currency: c.currency))
                parts.append("\(refunded) of refunds subtracted")
            }
            if c.read.rowsRejected > 0 { parts.append("\(Format.count(c.read.rowsRejected)) bad row(s) rejected") }
            return parts.joined(separator: ", ")
        }
    }
}
