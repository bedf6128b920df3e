import FlywheelCore
import FlywheelFlows
import Foundation
import Hummingbird

extension DashboardRoutes {
    /// The Flows page: every flow customers entered, with its funnel and its lift against the holdout
    /// (`FlowReports`, the same figures as the API and `flywheel flows report`). Without any, it says so.
    func flowsPage(_ request: Request, _ context: FlywheelRequestContext) async throws -> Response {
        guard let reports = FlowReports(store: store, currency: settings.currency) else {
            return message(request, context, "flows_title", ["flows_empty"])
        }
        let measured = try await reports.all()
        guard !measured.isEmpty else { return message(request, context, "flows_title", ["flows_empty"]) }
        var view = view(request, context, "flows_title")
        let numbers = DashboardNumbers(
            locale: view.locale, currency: settings.currency.code, digits: settings.currency.minorUnitDigits)
        view.content = FlowsPage(
            reports: measured, windowDays: Int(reports.attribution.window / 86_400), numbers: numbers, text: view.text
        ).content()
        return renderer.page("flows", view)
    }
}
