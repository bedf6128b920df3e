import ArgumentParser
import FlywheelAnalytics
import FlywheelCore
import FlywheelImport
import Foundation

/// `flywheel report`: the retention report — headline figures, the monthly series, cohorts, funnel,
/// segments, time between purchases and (with `--clv`) predicted CLV — as text, JSON, CSV or HTML.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The retention report: RPR, LTV, churn, NPS, cohorts, funnel, segments, CLV.",
        discussion: """
            Reads the order history from the database (--database, as every command) or straight from an \
            export with --input FILE --input-format cdnow|cdnow-sample|shopify|csv (nothing is stored), and \
            reports as of the end of --until (default: the day of the last order). Headline figures cover the \
            whole history up to then; the monthly series and the cohorts shown cover --since … --until \
            (default: the 24 months up to --until).

            --segment narrows every figure to a lifecycle stage (prospect, new, active, loyal, lapsing, lost), \
            an RFM segment (champions, at_risk, cant_lose …; write lifecycle:loyal or rfm:loyal where a name \
            is both), vip, or a segment saved in the database (saved:NAME, PUT /api/v1/segments/NAME). \
            Definitions: docs/metrics.md.

            Text, JSON and CSV go to standard output unless --output is given; HTML goes to --output \
            (default flywheel-report.html): one self-contained page with its charts, no script.

            Examples:
              flywheel report
              flywheel report --input CDNOW_master.txt --input-format cdnow --clv --format json
              flywheel report --since 2025-01-01 --until 2025-12-31 --segment at_risk --locale en
              flywheel report --format html --output report.html --clv
              flywheel report --format csv > report.csv
            """)

    @OptionGroup var input: HistoryInputOptions

    @Option(help: ArgumentHelp("First month of the series: the month of this day, YYYY-MM-DD.", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Report as of the end of this day, YYYY-MM-DD (default: the last order's day).", valueName: "date"))
    var until: String?

    @Option(help: ArgumentHelp("Only these customers: a lifecycle stage, an RFM segment, vip, or saved:NAME.", valueName: "name"))
    var segment: String?

    @Option(help: ArgumentHelp("The report's form.", valueName: "format"))
    var format: ReportFormat = .text

    @Option(help: ArgumentHelp("Write the report to this file (HTML: default flywheel-report.html).", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Language of text and HTML: de or en (default: the shop's).", valueName: "locale"))
    var locale: String?

    @Flag(help: "Add predicted CLV: fit BG/NBD and Gamma-Gamma and predict every customer.")
    var clv = false

    @Option(
        help: ArgumentHelp(
            "Only these sections, comma-separated: \(ReportSection.allCases.map(\.rawValue).joined(separator: ",")).",
            valueName: "list"))
    var sections: String?

    @Option(help: ArgumentHelp("Gross margin in percent for the formula LTV (default 100).", valueName: "percent"))
    var margin: Double = 100

    @Option(help: ArgumentHelp("Customers listed in the CLV section.", valueName: "n"))
    var top = 10

    @Flag(help: "Tell standard error how long each phase took (reading, the engine pass, each section, output).")
    var timing = false

    func validate() throws {
        _ = try DayRange(since: since, until: until)
        if let locale, ShopLocale(tag: locale) == nil { throw ValidationError("--locale: '\(locale)' is not de or en") }
        guard margin >= 0 && margin <= 100 else { throw ValidationError("--margin is a percentage from 0 to 100") }
        guard top >= 0 else { throw ValidationError("--top must be 0 or more") }
        _ = try chosenSections()
        if let segment { _ = try Self.filter(named: segment) }
    }

    func run() async throws {
        let display = ProgressDisplay()
        do {
            try await report(display: display)
        } catch let error as ImportFileError {
            throw fail(error.message, display)
        } catch let error as HistoryInputError {
            throw fail(error.description, display)
        } catch let error as SegmentRuleError {
            throw fail(error.description, display)
        }
    }

    private func report(display: ProgressDisplay) async throws {
        let timer = timing ? PhaseTimer() : nil
        let history = try await ReportHistory.read(input, display: display, timer: timer)
        let settings = history.settings
        let calendar = settings.calendar
        let asOf: Date
        if let untilDate {
            asOf = calendar.instant(localDate: untilDate.adding(days: 1), secondsOfDay: 0).addingTimeInterval(-1)
        } else {
            asOf = history.lastOrderDayEnd
        }
        display.update(fraction: 1, "computing the figures of \(Format.count(history.orderCount)) orders")
        let options = AnalyticsOptions(marginBasisPoints: Int((margin * 100).rounded()))
        let filter = try segment.map(Self.filter(named:)) ?? .all
        let sections = try chosenSections()
        let clvOptions = ReportCLVOptions(topCustomers: top)
        // The CLV models and the gaps start beside the engine's figures (docs/performance.md, "Eighth round").
        let ahead = ReportAhead(
            asOf: asOf, clv: sections.contains(.clv) ? clvOptions : nil, gaps: sections.contains(.gaps) && filter == .all)
        var engine = timed(timer, "engine pass") {
            AnalyticsEngine(table: history.table, options: options, observer: timer, ahead: ahead)
        }
        // A saved segment (`saved:NAME`) is the database's: its rule is evaluated as of the report's end.
        if case .saved(let name) = filter, let stored = history.savedSegments.first(where: { $0.name == name }) {
            try engine.saveSegment(SavedSegment(stored), asOf: asOf)
        }
        let snapshot = timed(timer, "snapshot") { engine.snapshot(asOf: asOf) }
        display.update(
            fraction: 1, sections.contains(.clv) ? "fitting BG/NBD and Gamma-Gamma, assembling the report" : "assembling the report")
        // The CLV fits run beside the other sections (docs/performance.md).
        let reportOptions = RetentionReportOptions(
            shopName: settings.name, from: sinceDate.map { YearMonth(year: $0.year, month: $0.month)! },
            through: untilDate.map { YearMonth(year: $0.year, month: $0.month)! }, segment: filter, sections: sections)
        let report = try timed(timer, "report sections") { () throws(SegmentRuleError) in
            try snapshot.retentionReport(reportOptions, clvOptions: clvOptions, observer: timer)
        }
        let clvProblem = report.clvUnavailable
        let language = locale.flatMap(ShopLocale.init(tag:)) ?? settings.defaultLocale
        let text = try timed(timer, "render \(format.rawValue)") { try format.render(report, locale: language) }
        display.finish()
        history.read.warnAboutRejections(in: history.source)
        if let clvProblem { FileHandle.standardError.write(Data("warning: no CLV section: \(clvProblem)\n".utf8)) }
        let path = output ?? (format == .html ? "flywheel-report.html" : nil)
        try timed(timer, "output") {
            if let path {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                FileHandle.standardError.write(Data("wrote \(path)\n".utf8))
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
        timer?.report()
        ExitTeardown.keep(history, engine, snapshot, report)
    }

    /// `work`, as a phase of `timer` when timing.
    private func timed<T, E: Error>(_ timer: PhaseTimer?, _ name: String, _ work: () throws(E) -> T) throws(E) -> T {
        guard let timer else { return try work() }
        return try timer.phase(name, work)
    }

    /// The days of `--since` and `--until` (checked in `validate()`).
    private var sinceDate: CivilDate? { (try? DayRange(since: since, until: until))?.since }
    private var untilDate: CivilDate? { (try? DayRange(since: since, until: until))?.until }

    /// `--sections` (default: every section but CLV), with `clv` added by `--clv`.
    private func chosenSections() throws -> Set<ReportSection> {
        var chosen = ReportSection.standard
        if let sections {
            chosen = []
            for name in sections.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
                guard let section = ReportSection(rawValue: name) else {
                    throw ValidationError(
                        "--sections: '\(name)' is not one of \(ReportSection.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                chosen.insert(section)
            }
        }
        if clv { chosen.insert(.clv) }
        return chosen
    }

    private func fail(_ message: String, _ display: ProgressDisplay) -> ExitCode {
        display.finish()
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        return ExitCode(1)
    }
}
