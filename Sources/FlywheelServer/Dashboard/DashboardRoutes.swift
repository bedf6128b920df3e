import FlywheelAnalytics
import FlywheelCore
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The owner's dashboard under `/`: login and logout, the language switch, and the pages (overview,
/// funnel, cohorts, segments with CSV export, customers, loyalty, flows, feedback, delivery). Pages are
/// rendered on the server from Mustache templates; figures come from `DashboardAnalytics`, never made up.
struct DashboardRoutes: Sendable {
    let store: any FlywheelStore
    let analytics: DashboardAnalytics
    let renderer: DashboardRenderer
    let accounts: AdminAccounts
    let throttle: LoginThrottle
    let settings: ShopSettings
    let secureCookies: Bool
    let now: @Sendable () -> Date
    /// The loyalty programme at work, for the loyalty page; `nil`: the page says none runs.
    var loyalty: LoyaltyService? = nil

    /// How long a session lasts after signing in.
    static let sessionLifetime: TimeInterval = 12 * 3600
    static let loginCookie = "fw_login"
    /// A small icon (a flywheel: a ring with spokes), so browsers asking for one get it.
    static let favicon = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="13" fill="none" \
        stroke="#1d4ed8" stroke-width="4"/><path d="M16 3v26M3 16h26" stroke="#1d4ed8" stroke-width="3"/></svg>
        """

    func register(on router: Router<FlywheelRequestContext>) {
        router.get("/assets/dashboard.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: renderer.stylesheet))
        }
        router.get("/favicon.ico") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "image/svg+xml", .cacheControl: "public, max-age=86400"],
                body: .init(byteBuffer: ByteBuffer(string: Self.favicon)))
        }
        router.get("/login") { request, context in try await loginPage(request, context) }
        router.post("/login") { request, context in try await login(request, context) }
        router.post("/logout") { request, context in try await logout(request, context) }
        router.post("/language") { request, context in try await switchLanguage(request, context) }
        router.get("/") { request, context in try await overview(request, context) }
        router.get("/funnel") { request, context in try await funnel(request, context) }
        router.get("/cohorts") { request, context in try await cohorts(request, context) }
        router.get("/segments") { request, context in try await segments(request, context) }
        router.get("/segments/export.csv") { request, context in try await export(request, context) }
        router.get("/customers") { request, context in try await customers(request, context) }
        router.get("/customers/{id}") { request, context in try await customer(request, context) }
        router.get("/loyalty") { request, context in try await loyaltyPage(request, context) }
        router.get("/flows") { request, context in try await flowsPage(request, context) }
        router.get("/feedback") { request, context in try await feedback(request, context) }
        router.get("/delivery") { request, context in try await delivery(request, context) }
    }

    // MARK: Pages

    func view(_ request: Request, _ context: FlywheelRequestContext, _ titleKey: String) -> DashboardView {
        let locale = DashboardLocale.of(request, shop: settings.defaultLocale)
        return DashboardView(
            locale: locale, title: DashboardText.table(locale)[titleKey] ?? titleKey, path: request.uri.path,
            shop: settings.name, session: context.dashboard)
    }

    func message(
        _ request: Request, _ context: FlywheelRequestContext, _ titleKey: String, _ keys: [String],
        arguments: [String] = [], status: HTTPResponse.Status = .ok
    ) -> Response {
        var view = view(request, context, titleKey)
        let text = view.text
        view.content["paragraphs"] = keys.map { key in
            arguments.enumerated().reduce(text[key] ?? key) { $0.replacingOccurrences(of: "{\($1.offset)}", with: $1.element) }
        }
        return renderer.page("message", view, status: status)
    }

    /// The figures, or the page that says why there are none (loading, failed, no orders yet).
    private enum Prepared {
        /// The figures with the page's frame and number format.
        case ready(DashboardFigures, DashboardView, DashboardNumbers)
        /// The page that says why there are none.
        case failure(Response)
    }

    private func figures(_ request: Request, _ context: FlywheelRequestContext, _ titleKey: String) async throws
        -> Prepared
    {
        switch await analytics.phase {
        case .loading(let records):
            return .failure(message(request, context, titleKey, ["loading"], arguments: [String(records)]))
        case .failed(let reason):
            return .failure(message(request, context, titleKey, ["load_failed"], arguments: [reason], status: .serviceUnavailable))
        case .ready:
            break
        }
        guard let figures = try await analytics.figures(now: now()), let headline = figures.report.headline,
            headline.orders > 0
        else { return .failure(message(request, context, titleKey, ["no_orders"])) }
        var view = view(request, context, titleKey)
        let numbers = DashboardNumbers(
            locale: view.locale, currency: figures.report.currency, digits: figures.report.minorUnitDigits)
        let calendar = settings.calendar
        let day = numbers.day(figures.asOf, calendar: calendar)
        view.asOfText = figures.asOfNewestOrder
            ? DashboardText.format(view.text["as_of_newest"] ?? "", day, settings.timeZoneIdentifier)
            : DashboardText.format(view.text["as_of"] ?? "", day, settings.timeZoneIdentifier)
        if !figures.isCurrent { view.notice = view.text["updating"] }
        return .ready(figures, view, numbers)
    }

    private func overview(_ request: Request, _ context: FlywheelRequestContext) async throws -> Response {
        switch try await figures(request, context, "overview_title") {
        case .failure(let page): return page
        case .ready(let figures, var view, let numbers):
            view.content = OverviewPage(
                figures: figures, numbers: numbers, text: view.text, strings: ReportStrings(view.locale)
            ).content()
            return renderer.page("overview", view)
        }
    }

    private func funnel(_ request: Request, _ context: FlywheelRequestContext) async throws -> Response {
        switch try await figures(request, context, "funnel_title") {
        case .failure(let page): return page
        case .ready(_, var view, let numbers):
            guard let funnel = try await analytics.funnel(now: now()) else {
                return message(request, context, "funnel_title", ["no_orders"])
            }
            view.content = FunnelPage(funnel: funnel, numbers: numbers, text: view.text, strings: ReportStrings(view.locale))
                .content()
            return renderer.page("funnel", view)
        }
    }

    private func cohorts(_ request: Request, _ context: FlywheelRequestContext) async throws -> Response {
        switch try await figures(request, context, "cohorts_title") {
        case .failure(let page): return page
        case .ready(_, var view, let numbers):
            let split = request.uri.queryParameters.get("split").flatMap(CohortSplit.init(rawValue:)) ?? CohortSplit.none
            let group = request.uri.queryParameters.get("group").flatMap { $0.isEmpty ? nil : $0 }
            guard let table = try await analytics.cohorts(split: split, now: now()) else {
                return message(request, context, "cohorts_title", ["loading"], arguments: ["0"])
            }
            view.content = CohortsPage(table: table, selectedGroup: group, numbers: numbers, text: view.text).content()
            return renderer.page("cohorts", view)
        }
    }

    private func segments(_ request: Request, _ context: FlywheelRequestContext) async throws -> Response {
        switch try await figures(request, context, "segments_title") {
        case .failure(let page): return page
        case .ready(let figures, var view, let numbers):
            guard let (segments, grid) = await analytics.segments(now: now()) else {
                return message(request, context, "segments_title", ["no_orders"])
            }
            let wording = ReportWording(figures.report, locale: view.locale)
            view.content = SegmentsPage(
                segments: segments, grid: grid, lapsing: await analytics.lapsingCLV(now: now()),
                numbers: numbers, text: view.text, strings: wording.strings,
                lapseWindow: wording.lapseWindow(segments.lapseWindow)
            ).content()
            return renderer.page("segments", view)
        }
    }

    private func export(_ request: Request, _ context: FlywheelRequestContext) async throws -> Response {
        let name = request.uri.queryParameters.get("segment") ?? ""
        guard let filter = SegmentExport.filter(named: name) else {
            return Response(
                status: .badRequest, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "segment must be lifecycle:STAGE, rfm:SEGMENT, vip or all\n")))
        }
        guard let snapshot = await analytics.snapshot(now: now()) else {
            return Response(status: .serviceUnavailable, headers: [.retryAfter: "5"])
        }
        let csv = try SegmentExport(snapshot: snapshot).csv(filter)
        let file = name.replacingOccurrences(of: ":", with: "-").filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"flywheel-\(file.isEmpty ? "segment" : file).csv\"",
            ],
            body: .init(byteBuffer: ByteBuffer(string: csv)))
    }

    private func customers(_ request: Request, _ context: FlywheelRequestContext) async throws -> Response {
        var view = view(request, context, "customers_title")
        let query = (request.uri.queryParameters.get("q") ?? "").trimmingCharacters(in: .whitespaces)
        view.content["query"] = query
        if !query.isEmpty {
            var found: [Customer] = []
            if let customer = try await store.customer(externalID: query) { found.append(customer) }
            if query.contains("@") {
                let page = try await store.customers(CustomerQuery(limit: 50, email: query))
                found += page.items.filter { candidate in !found.contains { $0.externalID == candidate.externalID } }
            }
            view.content["results"] = found.map { c in
                [
                    "id": c.externalID, "link": CustomerPage.pathComponent(c.externalID),
                    "name": [c.firstName, c.lastName].compactMap { $0 }.joined(separator: " "), "email": c.email ?? "",
                ] as [String: Any]
            }
            view.content["hasResults"] = !found.isEmpty
            view.content["none"] = found.isEmpty
        }
        return renderer.page("customers", view)
    }

    private func customer(_ request: Request, _ context: FlywheelRequestContext) async throws -> Response {
        let id = context.parameters.get("id") ?? ""
        guard let customer = try await store.customer(externalID: id) else {
            return message(request, context, "customers_title", ["unknown_customer"], arguments: [id], status: .notFound)
        }
        var view = view(request, context, "customers_title")
        view.title = customer.externalID
        let records = try await CustomerRecords.read(customer, from: store)
        let numbers = DashboardNumbers(
            locale: view.locale, currency: settings.currency.code, digits: settings.currency.minorUnitDigits)
        view.content = CustomerPage(
            records: records, profile: await analytics.profile(customerID: customer.externalID, now: now()), numbers: numbers,
            text: view.text, strings: ReportStrings(view.locale), calendar: settings.calendar
        ).content()
        return renderer.page("customer", view)
    }

    private func feedback(_ request: Request, _ context: FlywheelRequestContext) async throws -> Response {
        switch try await figures(request, context, "feedback_title") {
        case .failure(let page): return page
        case .ready(let figures, var view, let numbers):
            let page = FeedbackPage(report: figures.report, numbers: numbers, text: view.text, strings: ReportStrings(view.locale))
            guard page.hasData else { return message(request, context, "feedback_title", ["feedback_empty"]) }
            view.content = page.content()
            return renderer.page("feedback", view)
        }
    }

    private func delivery(_ request: Request, _ context: FlywheelRequestContext) async throws -> Response {
        let tally = try await DeliveryTally.read(from: store)
        guard tally.shipments > 0 else { return message(request, context, "delivery_title", ["delivery_empty"]) }
        var view = view(request, context, "delivery_title")
        let numbers = DashboardNumbers(
            locale: view.locale, currency: settings.currency.code, digits: settings.currency.minorUnitDigits)
        view.content = DeliveryPage(tally: tally, numbers: numbers, text: view.text).content()
        return renderer.page("delivery", view)
    }
}
