import ArgumentParser
import FlywheelCore
import FlywheelImport
import FlywheelLoyalty
import Foundation

extension LoyaltyCommand {
    /// `flywheel loyalty simulate`: replays the shop's history through a programme file before launch and
    /// reports what it would have issued, cost and owed.
    struct Simulate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "simulate",
            abstract: "Replay the shop's history through a programme design: points, cost, liability, tiers.",
            discussion: """
                Reads the order history from the database (--database, as every command) or straight from an \
                export with --input FILE --input-format cdnow|cdnow-sample|shopify|csv (nothing is stored), \
                and replays its customers, orders and refunds in time order through the programme file, as if \
                the programme had been launched at the start of the history (or of --since): every customer \
                known then gets the launch bonus. Orders in another currency than the programme's, guest and \
                cancelled orders earn nothing.

                The history has no redemptions, so --redeem assumes them: never (every point stays open until \
                it expires) or when-affordable (at each order a customer redeems the cheapest reward as often \
                as their points allow). Cost is the redeemed points at the programme's point value; liability \
                is the open points at that value, by the age of the lots that hold them. Details: \
                docs/loyalty.md.

                Examples:
                  flywheel loyalty simulate --programme examples/programmes/seeds-default.json
                  flywheel loyalty simulate --programme my-programme.json --input orders.csv --input-format csv \\
                    --redeem when-affordable --json
                  flywheel loyalty simulate --programme p.json --since 2025-01-01 --until 2025-12-31 --locale en
                """)

        @Option(help: ArgumentHelp("The programme file (JSON, as in examples/programmes/).", valueName: "file"))
        var programme: String

        @OptionGroup var input: HistoryInputOptions

        @Option(help: ArgumentHelp("Replay from the start of this day, YYYY-MM-DD (the launch).", valueName: "date"))
        var since: String?

        @Option(
            help: ArgumentHelp(
                "Replay to the end of this day, YYYY-MM-DD (default: the last event's day).", valueName: "date"))
        var until: String?

        @Option(help: ArgumentHelp("How customers redeem: never or when-affordable.", valueName: "rule"))
        var redeem: SimulatedRedemption = .never

        @Option(help: ArgumentHelp("Language of the text: de or en (default: the shop's).", valueName: "locale"))
        var locale: String?

        @Flag(help: "Print the result as JSON.")
        var json = false

        @Flag(help: "Tell standard error how long reading and replaying took.")
        var timing = false

        @Option(
            help: ArgumentHelp(
                "Replay on this many threads (default: one per core); the result is the same for any number.",
                valueName: "n"))
        var threads: Int?

        func validate() throws {
            _ = try DayRange(since: since, until: until)
            if let threads, !(1...64).contains(threads) { throw ValidationError("--threads must be between 1 and 64") }
            if let locale, ShopLocale(tag: locale) == nil {
                throw ValidationError("--locale: '\(locale)' is not de or en")
            }
        }

        func run() async throws {
            let display = ProgressDisplay()
            do {
                try await simulate(display: display)
            } catch let error as ImportFileError {
                throw fail(error.message, display)
            } catch let error as HistoryInputError {
                throw fail(error.description, display)
            }
        }

        private func simulate(display: ProgressDisplay) async throws {
            let design = try loadProgramme()
            let started = ContinuousClock.now
            let source = try await input.open()
            let calendar = source.settings.calendar
            let window = LoyaltyHistory.Window(
                start: sinceDate.map { calendar.instant(localDate: $0, secondsOfDay: 0) },
                end: untilDate.map { calendar.instant(localDate: $0.adding(days: 1), secondsOfDay: 0) })
            var history = try await LoyaltyHistory.read(source, window: window, display: display)
            display.update(fraction: 1, "putting \(Format.count(history.eventCount)) events in time order")
            history.orderByTime()
            let read = ContinuousClock.now
            guard let first = history.firstEventAt else {
                throw HistoryInputError("there are no orders to replay in \(source.description)")
            }
            let currency = CurrencyCode(design.currency)
            guard history.orders(in: currency) > 0 else {
                throw HistoryInputError(
                    "none of the \(Format.count(history.orderCount)) orders in \(source.description) is in the"
                        + " programme's currency \(design.currency) (they are in "
                        + history.currencies.map(\.code).joined(separator: ", ") + ")")
            }
            // Launched at the start of the window (or of the history), whatever the file's effective_from.
            var launched = design
            launched.effectiveFrom = window.start ?? first
            let end: Date
            if let windowEnd = window.end {
                end = windowEnd.addingTimeInterval(-1)
            } else {
                let lastDay = calendar.localDate(of: history.lastEventAt ?? first)
                end = calendar.instant(localDate: lastDay.adding(days: 1), secondsOfDay: 0).addingTimeInterval(-1)
            }
            let summary = await Self.replay(
                history, programme: launched, calendar: calendar, redeem: redeem, end: end,
                threads: threads ?? ProcessInfo.processInfo.activeProcessorCount, display: display)
            let replayed = ContinuousClock.now
            display.finish()
            history.read.warnAboutRejections(in: source.description)
            let report = LoyaltySimulationReport(
                programme: launched, source: source.description, from: launched.effectiveFrom, through: end,
                redemption: redeem, summary: summary, calendar: calendar)
            if json {
                try JSONOutput.print(report)
            } else {
                let language = locale.flatMap(ShopLocale.init(tag:)) ?? source.settings.defaultLocale
                FileHandle.standardOutput.write(Data(report.text(locale: language).utf8))
            }
            if timing {
                let readSeconds = Self.seconds(read - started)
                let replaySeconds = Self.seconds(replayed - read)
                let rate = Double(summary.orders + summary.skippedOrders) / max(replaySeconds, 1e-9)
                let line =
                    "timing: read \(Format.count(history.orderCount)) orders in"
                    + " \(String(format: "%.3f", readSeconds)) s; replayed \(Format.count(history.eventCount)) events in"
                    + " \(String(format: "%.3f", replaySeconds)) s (\(Format.count(Int(rate))) orders/s)\n"
                FileHandle.standardError.write(Data(line.utf8))
            }
        }

        /// The programme file, loaded and validated; its problems (each naming its key) end the command.
        private func loadProgramme() throws -> Programme {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: programme))
            } catch {
                throw HistoryInputError("cannot read the programme file \(programme)")
            }
            do {
                return try Programme.load(from: data)
            } catch {
                throw HistoryInputError("\(programme): \(error.description)")
            }
        }

        private static func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }

        /// The days of `--since` and `--until` (checked in `validate()`).
        private var sinceDate: CivilDate? { (try? DayRange(since: since, until: until))?.since }
        private var untilDate: CivilDate? { (try? DayRange(since: since, until: until))?.until }

        private func fail(_ message: String, _ display: ProgressDisplay) -> ExitCode {
            display.finish()
            FileHandle.standardError.write(Data("error: \(message)\n".utf8))
            return ExitCode(1)
        }
    }
}
