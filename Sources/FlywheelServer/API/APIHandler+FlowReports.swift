import FlywheelCore
import FlywheelFlows
import Foundation
import OpenAPIRuntime

extension APIHandler {
    func listFlowReports(_ input: Operations.ListFlowReports.Input) async throws -> Operations.ListFlowReports.Output {
        let (reports, window) = try await flowReports(windowDays: input.query.windowDays)
        let period = try Self.reportPeriod(since: input.query.since, until: input.query.until)
        let measured = try await read { try await reports.all(since: period.since, until: period.until) }
        return .ok(.init(body: .json(.init(reports: measured.map { $0.api(reports.attribution, period, window) }))))
    }

    func getFlowReport(_ input: Operations.GetFlowReport.Input) async throws -> Operations.GetFlowReport.Output {
        let (reports, window) = try await flowReports(windowDays: input.query.windowDays)
        let period = try Self.reportPeriod(since: input.query.since, until: input.query.until)
        guard try await read({ try await reports.isKnown(input.path.id) }) else {
            throw APIProblem.notFound("No customer ever entered a flow with this id.")
        }
        let measured = try await read { try await reports.report(flowID: input.path.id, since: period.since, until: period.until) }
        return .ok(.init(body: .json(measured.api(reports.attribution, period, window))))
    }

    /// The reports in the shop's currency with the window asked for (1–365 days, default 7).
    private func flowReports(windowDays: Int?) async throws(APIProblem) -> (FlowReports, Int) {
        let days = windowDays ?? 7
        guard (1...365).contains(days) else {
            throw .badRequest(
                "window_days must be between 1 and 365.", errors: [.init(pointer: "window_days", detail: "must be 1–365")])
        }
        let settings = try await read { try await store.shopSettings() } ?? .defaults
        guard let reports = FlowReports(store: store, currency: settings.currency, window: TimeInterval(days) * 86_400)
        else { throw APIProblem.notFound("This store keeps no flow measurements.") }
        return (reports, days)
    }

    /// `since` before `until`, when both are given.
    static func reportPeriod(since: Date?, until: Date?) throws(APIProblem) -> (since: Date?, until: Date?) {
        if let since, let until, since >= until {
            throw .badRequest("since must lie before until.", errors: [.init(pointer: "since", detail: "must lie before until")])
        }
        return (since, until)
    }
}

extension FlowMeasurement {
    /// The report as the API shows it.
    func api(_ attribution: FlowAttribution, _ period: (since: Date?, until: Date?), _ windowDays: Int)
        -> Components.Schemas.FlowReport
    {
        .init(
            flowId: flowID, currency: attribution.currency.code, since: period.since, until: period.until,
            windowDays: windowDays, unreadable: unreadable, totals: report.api,
            variants: variants.map { .init(variant: $0.variant, figures: $0.report.api) })
    }
}

extension FlowReport {
    /// The figures as the API shows them.
    var api: Components.Schemas.FlowFigures {
        .init(
            entered: counts.entered, holdout: counts.holdoutEntered, sent: counts.sent, delivered: counts.delivered,
            opened: counts.opened, clicked: counts.clicked, converted: counts.converted,
            holdoutConverted: counts.holdoutConverted, revenueMinor: counts.revenue.minorUnits,
            holdoutRevenueMinor: counts.holdoutRevenue.minorUnits, conversionRate: conversionRate,
            holdoutConversionRate: holdoutConversionRate, openRate: openRate, clickRate: clickRate,
            lift: incrementalRepeatRate.map {
                .init(estimate: $0.estimate, lower: $0.lower, upper: $0.upper, significant: $0.excludesZero)
            },
            incrementalRevenueMinor: incrementalRevenue?.minorUnits)
    }
}
