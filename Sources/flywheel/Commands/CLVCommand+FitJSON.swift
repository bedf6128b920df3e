import FlywheelAnalytics
import FlywheelCore

extension CLVCommand {
    /// The `--json` form of `clv fit`: one object with the fitted parameters, the calibration period and,
    /// when there are orders after it, the holdout check. Money in minor units of `currency`.
    struct FitJSON: Encodable {
        struct BGNBD: Encodable {
            var r, alpha, a, b, log_likelihood: Double
            var converged: Bool
            var iterations: Int
        }

        struct ParetoNBD: Encodable {
            var r, alpha, s, beta, log_likelihood: Double
            var converged: Bool
            var iterations: Int
        }

        struct GammaGamma: Encodable {
            var p, q, gamma, log_likelihood: Double
            var converged: Bool
            var iterations: Int
            /// Repeat customers the model was fitted on.
            var customers: Int
            /// pγ/(q − 1) in minor units; absent when q ≤ 1.
            var mean_order_value_minor: Int64?
        }

        struct Calibration: Encodable {
            var start: String
            var end: String
            var time_unit: String
            var customers: Int
            var repeat_customers: Int
            /// Purchases on or before the end.
            var transactions: Int
            /// Σ x: repeat purchase occasions (days with a purchase after the first).
            var repeat_purchases: Int
        }

        struct Holdout: Encodable {
            var start: String
            var end: String
            /// In the time unit.
            var length: Double
            var actual_repeat_purchases: Int
            var predicted_repeat_purchases: Double
        }

        struct Orders: Encodable {
            var read: Int
            var used: Int
            var replaced: Int
            var cancelled: Int
            var fully_refunded: Int
            var guest: Int
            var other_currency: Int
            var refunded_minor: Int64
            var rows_rejected: Int
        }

        var model: String
        var bgnbd: BGNBD?
        var paretonbd: ParetoNBD?
        var gamma_gamma: GammaGamma
        var calibration: Calibration
        var holdout: Holdout?
        var currency: String
        var orders: Orders

        init(_ c: CLVCommand.Calibration, holdout check: Fit.HoldoutCheck?) {
            switch c.fit {
            case .bgnbd(let fit):
                model = "bgnbd"
                let m = fit.model
                bgnbd = BGNBD(
                    r: m.r, alpha: m.alpha, a: m.a, b: m.b, log_likelihood: fit.report.logLikelihood,
                    converged: fit.report.converged, iterations: fit.report.iterations)
            case .paretonbd(let fit):
                model = "paretonbd"
                let m = fit.model
                paretonbd = ParetoNBD(
                    r: m.r, alpha: m.alpha, s: m.s, beta: m.beta, log_likelihood: fit.report.logLikelihood,
                    converged: fit.report.converged, iterations: fit.report.iterations)
            }
            let g = c.spend
            gamma_gamma = GammaGamma(
                p: g.model.p, q: g.model.q, gamma: g.model.gamma, log_likelihood: g.report.logLikelihood,
                converged: g.report.converged, iterations: g.report.iterations, customers: g.report.customers,
                mean_order_value_minor: CLVCommand.minorUnits(g.model.populationMeanValue, c.currency))
            let s = c.summary
            calibration = Calibration(
                start: CLVCommand.day(c.firstDay), end: CLVCommand.day(c.calibrationEnd),
                time_unit: c.timeUnit.rawValue,
                customers: s.count, repeat_customers: s.frequency.reduce(0) { $0 + ($1 > 0 ? 1 : 0) },
                transactions: c.calibrationTransactions, repeat_purchases: s.totalFrequency)
            if let check, let end = s.options.observationEnd {
                holdout = Holdout(
                    start: CLVCommand.day(c.calibrationEnd + 1), end: CLVCommand.day(end), length: check.length,
                    actual_repeat_purchases: check.actual, predicted_repeat_purchases: check.predicted)
            }
            currency = c.currency.code
            let n = c.collected.counts
            orders = Orders(
                read: n.orders, used: n.used, replaced: n.replaced, cancelled: n.cancelled,
                fully_refunded: n.fullyRefunded, guest: n.guest, other_currency: n.otherCurrency,
                refunded_minor: n.refundedMinor, rows_rejected: c.read.rowsRejected)
        }
    }
}
