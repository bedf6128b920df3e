import FlywheelAnalytics
import FlywheelCore
import FlywheelImport
import Foundation

extension CLVCommand {
    /// What `clv fit` and `clv predict` share: the history read into a transaction log, summarised for a
    /// calibration period (with the holdout after it, when asked and there is one), and the repeat-purchase
    /// and spend models fitted on it.
    struct Calibration {
        /// A fitted repeat-purchase model.
        enum FittedModel {
            case bgnbd(CLVFit<BGNBDModel>)
            case paretonbd(CLVFit<ParetoNBDModel>)

            var model: any RepeatPurchaseModel {
                switch self {
                case .bgnbd(let fit): fit.model
                case .paretonbd(let fit): fit.model
                }
            }

            /// Which model this is.
            var choice: ModelOptions.Model {
                switch self {
                case .bgnbd: .bgnbd
                case .paretonbd: .paretonbd
                }
            }

            var report: CLVFitReport {
                switch self {
                case .bgnbd(let fit): fit.report
                case .paretonbd(let fit): fit.report
                }
            }
        }

        var input: HistoryInput
        var read: HistoryReadSummary
        var collected: TransactionCollector.Result
        /// Day numbers of the first and last purchase in the log.
        var firstDay: Int
        var lastDay: Int
        var summary: CLVSummary
        /// Purchases (orders kept) on or before the calibration end.
        var calibrationTransactions: Int
        var fit: FittedModel
        var spend: CLVFit<GammaGammaModel>
        /// Problems worth telling but not fatal (a fit that did not converge).
        var warnings: [String]

        var currency: CurrencyCode { collected.currency }
        var timeUnit: CLVTimeUnit { summary.options.timeUnit }
        var calibrationEnd: Int { summary.options.calibrationEnd }

        /// Reads the history, summarises it and fits the models. With `holdout`, the purchases after the
        /// calibration end (up to the last one) become the summary's holdout.
        static func run(
            input options: HistoryInputOptions, model: ModelOptions, holdout: Bool, display: ProgressDisplay
        ) async throws -> Calibration {
            let input = try await options.open()
            var collector = TransactionCollector(
                timeZone: input.settings.calendar.timeZone, ordersAreUnique: input.ordersAreUnique)
            let read: HistoryReadSummary
            if let columnar = try readColumns(input, display: display) {
                (collector, read) = columnar
            } else {
                read = try await input.read([.orders, .refunds], display: display) { collector.add($0) }
            }
            if read.rowsRejected > 0 {
                display.finish()
                read.warnAboutRejections(in: input.description)
            }
            let collected = collector.finish(currency: input.currency, fallback: input.settings.currency)
            let log = collected.log
            guard log.count > 0 else { throw HistoryInputError(noPurchases(in: input, collected)) }
            var firstDay = Int.max
            var lastDay = Int.min
            for day in log.days {
                firstDay = min(firstDay, Int(day))
                lastDay = max(lastDay, Int(day))
            }
            let calibrationEnd = model.calibrationEndDay ?? lastDay
            guard calibrationEnd >= firstDay else {
                throw HistoryInputError(
                    "--calibration-end \(CivilDate(daysSinceEpoch: calibrationEnd)) is before the first purchase"
                        + " (\(CivilDate(daysSinceEpoch: firstDay))): choose a later date")
            }
            let summaryOptions = CLVSummaryOptions(
                calibrationEnd: calibrationEnd, observationEnd: holdout && lastDay > calibrationEnd ? lastDay : nil,
                timeUnit: model.timeUnit, minorUnitDigits: collected.currency.minorUnitDigits)
            display.update(fraction: 1, "summarising \(Format.count(log.count)) purchases")
            let summary = try CLVSummary(transactions: log, options: summaryOptions)
            var calibrationTransactions = 0
            for day in log.days where Int(day) <= calibrationEnd { calibrationTransactions += 1 }

            display.update(fraction: 1, "fitting \(model.model.title) on \(Format.count(summary.count)) customers")
            let fit: FittedModel =
                switch model.model {
                case .bgnbd: .bgnbd(try BGNBDModel.fit(summary))
                case .paretonbd: .paretonbd(try ParetoNBDModel.fit(summary))
                }
            display.update(fraction: 1, "fitting Gamma-Gamma")
            let spend = try GammaGammaModel.fit(summary)
            var warnings: [String] = []
            let reports = [(model.model.title, fit.report), ("Gamma-Gamma", spend.report)]
            for (name, report) in reports where !report.converged {
                warnings.append(
                    "the \(name) fit did not converge (largest gradient \(report.gradientNorm)); its parameters may be"
                        + " imprecise")
            }
            return Calibration(
                input: input, read: read, collected: collected, firstDay: firstDay, lastDay: lastDay, summary: summary,
                calibrationTransactions: calibrationTransactions, fit: fit, spend: spend, warnings: warnings)
        }

        /// A plain-CSV file read in columns (`ColumnarHistoryReader`, docs/performance.md), as for `flywheel
        /// report`; `nil` for other sources and for a file with a row the importer would reject or that needs
        /// CSV quoting (then the full reader reads it and reports the rejections).
        private static func readColumns(_ input: HistoryInput, display: ProgressDisplay) throws
            -> (TransactionCollector, HistoryReadSummary)?
        {
            guard case .file(let path, let format) = input.source, format == .csv else { return nil }
            let reader = ColumnarHistoryReader(path: path, format: .csv, shop: input.settings, currency: input.currency)
            var collector = TransactionCollector(timeZone: input.settings.calendar.timeZone, ordersAreUnique: false)
            let outcome = try reader.read(progress: { display.update(fraction: $0, "reading \(path)") }) { piece, _ in
                collector.add(piece)
            }
            guard case .read(let read) = outcome else { return nil }
            var summary = HistoryReadSummary()
            summary.customers = read.customerRecords
            summary.orders = read.orderCount
            summary.rowsRead = read.rowsRead
            return (collector, summary)
        }

        /// Tells standard error about fits that did not converge (after the progress line is cleared).
        func printWarnings() {
            for warning in warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        }

        /// Why there is nothing to fit, and what to try.
        private static func noPurchases(in input: HistoryInput, _ collected: TransactionCollector.Result) -> String {
            let c = collected.counts
            var reasons: [String] = []
            if c.otherCurrency > 0 {
                reasons.append(
                    "\(Format.count(c.otherCurrency)) in other currencies than \(collected.currency.code)"
                        + " (--currency chooses)")
            }
            if c.cancelled > 0 { reasons.append("\(Format.count(c.cancelled)) cancelled") }
            if c.fullyRefunded > 0 { reasons.append("\(Format.count(c.fullyRefunded)) refunded in full") }
            if c.guest > 0 { reasons.append("\(Format.count(c.guest)) guest order\(c.guest == 1 ? "" : "s")") }
            let detail =
                reasons.isEmpty ? "" : ": of its \(Format.count(c.orders)) orders, " + reasons.joined(separator: ", ")
            return "no purchases to analyse in \(input.description)\(detail)"
        }
    }
}
