import ArgumentParser
import FlywheelAnalytics
import FlywheelCore
import Foundation

extension CLVCommand {
    /// `flywheel clv predict`: each customer's outlook, sorted by predicted CLV.
    struct Predict: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "predict",
            abstract: "Predict each customer's purchases, next order and lifetime value.",
            discussion: """
                Fits the models as `clv fit` does (on every order unless --calibration-end is given) and \
                predicts from the calibration end: the probability the customer is still active, the purchases \
                expected over the horizon, the expected next order date (when, if still active, they have \
                bought with probability one half), the expected average order value (Gamma-Gamma) and the \
                predicted CLV over the horizon's months, discounted monthly. Sorted by CLV, highest first.

                Examples:
                  flywheel clv predict --top 50
                  flywheel clv predict --customer anna@example.com --json
                  flywheel clv predict --horizon 26 --discount-rate 0.008 --csv > clv.csv
                """)

        @OptionGroup var input: HistoryInputOptions
        @OptionGroup var options: ModelOptions

        @Option(
            help: ArgumentHelp("The prediction horizon in time units (default 52 weeks or 365 days).", valueName: "n"))
        var horizon: Double?

        @Option(help: ArgumentHelp("The monthly discount rate of the CLV (0.01 = 1 % a month).", valueName: "rate"))
        var discountRate = 0.01

        @Option(
            help: ArgumentHelp(
                "Show the N customers of highest CLV (default 20 in the table, all in JSON and CSV).", valueName: "n"))
        var top: Int?

        @Option(help: ArgumentHelp("Show only this customer (their external id).", valueName: "id"))
        var customer: String?

        @Flag(help: "Print one JSON object.")
        var json = false

        @Flag(help: "Write CSV, one row per customer, to standard output.")
        var csv = false

        func validate() throws {
            if json && csv { throw ValidationError("give --json or --csv, not both") }
            if let horizon, !(horizon > 0 && horizon <= 100_000) {
                throw ValidationError("--horizon must be a number of time units above 0 (at most 100000)")
            }
            guard discountRate >= 0 && discountRate < 1 else {
                throw ValidationError("--discount-rate is a monthly rate from 0 to below 1, e.g. 0.01 for 1 % a month")
            }
            if let top, top < 1 { throw ValidationError("--top must be 1 or more") }
        }

        func run() async throws {
            let display = ProgressDisplay(enabled: !json && !csv && isatty(STDERR_FILENO) == 1)
            try await CLVCommand.reportingFailures(display: display) {
                let calibration = try await Calibration.run(
                    input: input, model: options, holdout: false, display: display)
                display.update(fraction: 1, "predicting \(Format.count(calibration.summary.count)) customers")
                let outlook = Outlook(
                    calibration, horizon: horizon ?? (options.timeUnit == .week ? 52 : 365), discountRate: discountRate)
                var rows = outlook.rowsByValue()
                let total = rows.count
                if let customer {
                    rows = rows.filter { $0.customerID == customer }
                    if rows.isEmpty { throw HistoryInputError(Self.missing(customer, in: calibration)) }
                } else if let limit = top ?? (json || csv ? nil : 20) {
                    rows = Array(rows.prefix(limit))
                }
                display.finish()
                calibration.printWarnings()
                if json {
                    try JSONOutput.print(PredictJSON(outlook, rows: rows, customersTotal: total))
                } else if csv {
                    Self.writeCSV(rows, currency: outlook.currency)
                } else {
                    print(Self.table(outlook, rows: rows, total: total))
                }
            }
        }

        private static func missing(_ id: String, in c: Calibration) -> String {
            if c.collected.customerIDs.contains(id) {
                return "--customer: \(id) has no purchase on or before the calibration end"
                    + " \(CLVCommand.day(c.calibrationEnd))"
            }
            return "--customer: there is no customer \(id) with a purchase in \(c.input.description)"
        }

        /// The readable form: the rows as a table, then the totals over every customer.
        static func table(_ o: Outlook, rows: [Outlook.Row], total: Int) -> String {
            let unit = o.timeUnit == .week ? "weeks" : "days"
            let money = { (minor: Int64?) in
                minor.map { Format.money(Money(minorUnits: $0, currency: o.currency)) } ?? "n/a"
            }
            var lines = [
                "CLV prediction: \(o.modelName) and Gamma-Gamma on \(o.source), as of \(CLVCommand.day(o.asOf))",
                "Horizon \(CLVCommand.fixed(o.horizon, o.horizon.rounded() == o.horizon ? 0 : 1)) \(unit); CLV over"
                    + " \(o.months) months discounted at \(CLVCommand.fixed(o.discountRate * 100, 2)) % a month",
                "",
            ]
            let idWidth = min(32, max(8, rows.map { $0.customerID.count }.max() ?? 8))
            let header = [
                pad("Customer", idWidth, left: true), pad("Repeat", 6), pad("P(alive)", 8),
                pad("Orders", 8), pad("Next order", 10), pad("Avg order", 14), pad("CLV", 16),
            ]
            lines.append(header.joined(separator: "  "))
            for row in rows {
                let id =
                    row.customerID.count > idWidth ? String(row.customerID.prefix(idWidth - 1)) + "…" : row.customerID
                let cells = [
                    pad(id, idWidth, left: true), pad(Format.count(row.repeatPurchases), 6),
                    pad(CLVCommand.fixed(row.probabilityAlive, 3), 8),
                    pad(CLVCommand.fixed(row.expectedPurchases, 2), 8),
                    pad(row.nextOrderDay.map(CLVCommand.day) ?? "—", 10), pad(money(row.averageOrderValueMinor), 14),
                    pad(money(row.lifetimeValueMinor), 16),
                ]
                lines.append(cells.joined(separator: "  "))
            }
            lines.append("")
            if rows.count < total {
                lines.append(
                    "Showing \(Format.count(rows.count)) of \(Format.count(total)) customers (--top N, --csv for all).")
            }
            let expected = CLVCommand.fixed(o.totalExpectedPurchases, 1)
            lines.append(
                "All \(Format.count(total)) customers: \(expected) orders expected in the next"
                    + " \(CLVCommand.fixed(o.horizon, 0)) \(unit), predicted CLV \(money(o.totalLifetimeValueMinor)).")
            return lines.joined(separator: "\n")
        }

        private static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
            let padding = String(repeating: " ", count: max(0, width - text.count))
            return left ? text + padding : padding + text
        }

        /// Writes every row as CSV in chunks, so a million customers need no big string.
        static func writeCSV(_ rows: [Outlook.Row], currency: CurrencyCode) {
            var chunk = Outlook.Row.csvHeader + "\n"
            for row in rows {
                chunk += row.csvLine(currency: currency)
                chunk += "\n"
                if chunk.utf8.count >= 1 << 16 {
                    FileHandle.standardOutput.write(Data(chunk.utf8))
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            FileHandle.standardOutput.write(Data(chunk.utf8))
        }
    }
}
