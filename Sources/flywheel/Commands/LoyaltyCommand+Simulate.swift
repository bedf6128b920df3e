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

        @Flag(
            help: ArgumentHelp(
                "Read a CSV file as Order values even when its columns would do (tests and benchmarks).",
                visibility: .hidden))
        var rowReader = false

        /// What a replay gave, and what it took.
        private struct Replayed {
            var summary: ReplaySummary
            var programme: Programme
            var end: Date
            var orderCount: Int
            var eventCount: Int
            var readSeconds: Double
            var replaySeconds: Double
            var replayCPUSeconds: Double
            var reader: String
            var read: HistoryReadSummary
        }

        private func simulate(display: ProgressDisplay) async throws {
            let design = try loadProgramme()
            let started = ContinuousClock.now
            let source = try await input.open()
            let calendar = source.settings.calendar
            let window = LoyaltyHistory.Window(
                start: sinceDate.map { calendar.instant(localDate: $0, secondsOfDay: 0) },
                end: untilDate.map { calendar.instant(localDate: $0.adding(days: 1), secondsOfDay: 0) })
            let threads = max(1, min(self.threads ?? ProcessInfo.processInfo.activeProcessorCount, 64))
            var replayed: Replayed?
            if !rowReader, case .file(let path, .csv) = source.source,
                ProgrammeReplay.columnarLimitation(of: design) == nil,
                let history = try ColumnarReplayHistory.read(
                    path: path, shop: source.settings, currency: source.currency,
                    programmeCurrency: CurrencyCode(design.currency), start: window.start, end: window.end,
                    progress: { display.update(fraction: $0, "reading \(path)") })
            {
                replayed = try await replay(
                    columns: history, design: design, source: source, window: window, threads: threads,
                    started: started, display: display)
            }
            if replayed == nil {
                replayed = try await replay(
                    rows: try await LoyaltyHistory.read(source, window: window, display: display), design: design,
                    source: source, window: window, threads: threads, started: started, display: display)
            }
            guard let replayed else { return }
            display.finish()
            replayed.read.warnAboutRejections(in: source.description)
            let report = LoyaltySimulationReport(
                programme: replayed.programme, source: source.description, from: replayed.programme.effectiveFrom,
                through: replayed.end, redemption: redeem, summary: replayed.summary, calendar: calendar)
            if json {
                try JSONOutput.print(report)
            } else {
                let language = locale.flatMap(ShopLocale.init(tag:)) ?? source.settings.defaultLocale
                FileHandle.standardOutput.write(Data(report.text(locale: language).utf8))
            }
            if timing {
                let summary = replayed.summary
                let rate = Double(summary.orders + summary.skippedOrders) / max(replayed.replaySeconds, 1e-9)
                let line =
                    "timing: read \(Format.count(replayed.orderCount)) orders in"
                    + " \(String(format: "%.3f", replayed.readSeconds)) s; replayed"
                    + " \(Format.count(replayed.eventCount)) events in"
                    + " \(String(format: "%.3f", replayed.replaySeconds)) s (\(Format.count(Int(rate))) orders/s);"
                    + " replay CPU \(String(format: "%.3f", replayed.replayCPUSeconds)) s; \(replayed.reader)\n"
                FileHandle.standardError.write(Data(line.utf8))
            }
        }

        /// The Order path: `history` (any input) put in time order and replayed.
        private func replay(
            rows history: LoyaltyHistory, design: Programme, source: HistoryInput, window: LoyaltyHistory.Window,
            threads: Int, started: ContinuousClock.Instant, display: ProgressDisplay
        ) async throws -> Replayed {
            var history = history
            display.update(fraction: 1, "putting \(Format.count(history.eventCount)) events in time order")
            history.orderByTime()
            let read = ContinuousClock.now
            guard let first = history.firstEventAt else {
                throw HistoryInputError("there are no orders to replay in \(source.description)")
            }
            try Self.checkCurrency(design, orders: history.orders(in:), all: history.orderCount,
                currencies: history.currencies, source: source)
            let (launched, end) = launch(design, first: first, last: history.lastEventAt, window: window, source: source)
            let cpu = ProcessTimes.cpuSeconds()
            let summary = await Self.replay(
                history, programme: launched, calendar: source.settings.calendar, redeem: redeem, end: end,
                threads: threads, display: display)
            let replayed = ContinuousClock.now
            let replayCPU = ProcessTimes.cpuSeconds() - cpu
            return Replayed(
                summary: summary, programme: launched, end: end, orderCount: history.orderCount,
                eventCount: history.eventCount, readSeconds: Self.seconds(read - started),
                replaySeconds: Self.seconds(replayed - read), replayCPUSeconds: replayCPU, reader: "Order values",
                read: history.read)
        }

        /// The columnar path: `history` (a clean plain-CSV file) cut into shards put in time order (still
        /// reading), then replayed.
        private func replay(
            columns history: ColumnarReplayHistory, design: Programme, source: HistoryInput,
            window: LoyaltyHistory.Window, threads: Int, started: ContinuousClock.Instant, display: ProgressDisplay
        ) async throws -> Replayed {
            guard let firstSeconds = history.firstEventAt else {
                throw HistoryInputError("there are no orders to replay in \(source.description)")
            }
            let first = Date(timeIntervalSince1970: TimeInterval(firstSeconds))
            try Self.checkCurrency(design, orders: history.orders(in:), all: history.orderCount,
                currencies: history.currencies, source: source)
            let last = history.lastEventAt.map { Date(timeIntervalSince1970: TimeInterval($0)) }
            let (launched, end) = launch(design, first: first, last: last, window: window, source: source)
            display.update(fraction: 0.95, "putting \(Format.count(history.columns.orders.count)) orders in time order")
            var history = history
            let shards = await Self.shards(
                of: history.columns, count: threads, start: Int64((window.start ?? first).timeIntervalSince1970),
                end: window.end.map { Int64($0.timeIntervalSince1970) })
            history.columns.orders = []  // each shard has its own now
            let read = ContinuousClock.now
            let cpu = ProcessTimes.cpuSeconds()
            let summary = await Self.replay(
                shards, of: history.columns, programme: launched, calendar: source.settings.calendar, redeem: redeem,
                end: end, display: display)
            let replayed = ContinuousClock.now
            let replayCPU = ProcessTimes.cpuSeconds() - cpu
            var readSummary = HistoryReadSummary()
            readSummary.customers = history.read.customerRecords
            readSummary.orders = history.read.orderCount
            readSummary.rowsRead = history.read.rowsRead
            return Replayed(
                summary: summary, programme: launched, end: end, orderCount: history.orderCount,
                eventCount: history.orderCount + shards.reduce(0) { $0 + $1.customers.count },
                readSeconds: Self.seconds(read - started), replaySeconds: Self.seconds(replayed - read),
                replayCPUSeconds: replayCPU, reader: "columns", read: readSummary)
        }

        /// The programme launched at the start of the window (or of the history), whatever the file's
        /// effective_from, and the end of the replay: the end of `--until`, else of the last event's day.
        private func launch(
            _ design: Programme, first: Date, last: Date?, window: LoyaltyHistory.Window, source: HistoryInput
        ) -> (Programme, Date) {
            let calendar = source.settings.calendar
            var launched = design
            launched.effectiveFrom = window.start ?? first
            if let windowEnd = window.end { return (launched, windowEnd.addingTimeInterval(-1)) }
            let lastDay = calendar.localDate(of: last ?? first)
            return (
                launched, calendar.instant(localDate: lastDay.adding(days: 1), secondsOfDay: 0).addingTimeInterval(-1)
            )
        }

        /// Stops when no order is in the programme's currency.
        private static func checkCurrency(
            _ design: Programme, orders: (CurrencyCode?) -> Int, all: Int, currencies: [CurrencyCode],
            source: HistoryInput
        ) throws {
            guard orders(CurrencyCode(design.currency)) == 0 else { return }
            throw HistoryInputError(
                "none of the \(Format.count(all)) orders in \(source.description) is in the"
                    + " programme's currency \(design.currency) (they are in "
                    + currencies.map(\.code).joined(separator: ", ") + ")")
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
