import ArgumentParser
import FlywheelCore
import FlywheelFlows
import FlywheelServer
import Foundation

extension FlowsCommand {
    /// `flywheel flows report`: each flow's funnel, conversions and lift against its holdout group.
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Report each flow's sends, opens, clicks, conversions and lift against its holdout group.",
            discussion: """
                For every flow customers entered (or --flow ID): entered and held out, sent, delivered, opened, \
                clicked, converted (ordered within --window days after the flow's last touch; for the holdout \
                group after the message it would have sent), revenue, and the incremental repeat rate — the \
                treated group's conversion rate minus the holdout's — with a 95 % confidence interval \
                (Newcombe's hybrid score interval), for the flow and each A/B variant. --since/--until limit the \
                enrolments to those that entered on those days (in the shop's time zone). The same figures as \
                the dashboard's Flows page and GET /api/v1/flows/reports (docs/flows.md, "Measurement").

                Examples:
                  flywheel flows report
                  flywheel flows report --flow review_request --since 2026-03-01 --until 2026-03-31
                  flywheel flows report --database postgres://flywheel@localhost/shop --json
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("Only this flow.", valueName: "id"))
        var flow: String?

        @Option(help: ArgumentHelp("Enrolments that entered on or after this day (YYYY-MM-DD).", valueName: "date"))
        var since: String?

        @Option(help: ArgumentHelp("Enrolments that entered on or before this day (YYYY-MM-DD).", valueName: "date"))
        var until: String?

        @Option(help: ArgumentHelp("Days after the last touch in which an order counts (1–365).", valueName: "days"))
        var window: Int = 7

        @Flag(help: "Print JSON (the API's FlowReportList) instead of text.")
        var json = false

        func validate() throws {
            _ = try DayRange(since: since, until: until)
            guard (1...365).contains(window) else { throw ValidationError("--window must be between 1 and 365 days") }
        }

        func run() async throws {
            let range = try DayRange(since: since, until: until)
            let store = try await database.openStore()
            let settings = try await store.shopSettings() ?? .defaults
            guard let reports = FlowReports(store: store, currency: settings.currency, window: TimeInterval(window) * 86_400)
            else { throw CommandFailure.report(CommandFailure("this database keeps no flow measurements")) }
            let calendar = settings.calendar
            let from = range.since.map { calendar.instant(localDate: $0, secondsOfDay: 0) }
            let before = range.until.map { calendar.instant(localDate: $0.adding(days: 1), secondsOfDay: 0) }
            let measured: [FlowMeasurement]
            if let flow {
                guard try await reports.isKnown(flow) else {
                    throw CommandFailure.report(CommandFailure("--flow: no customer ever entered a flow '\(flow)'"))
                }
                measured = [try await reports.report(flowID: flow, since: from, until: before)]
            } else {
                measured = try await reports.all(since: from, until: before)
            }
            if json {
                let document = FlowReportDocument.List(
                    reports: measured.map {
                        FlowReportDocument(
                            $0, currency: settings.currency, since: from, until: before, windowDays: window)
                    })
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                encoder.dateEncodingStrategy = .iso8601
                encoder.keyEncodingStrategy = .convertToSnakeCase
                print(String(decoding: try encoder.encode(document), as: UTF8.self))
            } else if measured.isEmpty {
                print("No customer has entered a flow yet.")
            } else {
                print(FlowReportText(currency: settings.currency, windowDays: window).render(measured), terminator: "")
            }
        }
    }
}
