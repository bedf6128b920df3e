import FlywheelAnalytics
import FlywheelCore
@testable import FlywheelServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Dashboard: pages and their figures")
struct DashboardPagesTests {
    @Test("every page renders, in English and in German")
    func everyPage() async throws {
        try await DashboardTestServer().test { browser in
            try await browser.signIn()
            for (lang, heading) in [("en", "<h1>Overview</h1>"), ("de", "<h1>Überblick</h1>")] {
                let home = try await browser.get("/", headers: ["Accept-Language": lang])
                let html = String(buffer: home.body)
                #expect(html.contains("<html lang=\"\(lang)\">"))
                #expect(html.contains(heading))
            }
            for path in [
                "/funnel", "/cohorts", "/cohorts?split=channel", "/segments", "/customers", "/customers?q=c1",
                "/customers?q=ben%40example.com", "/customers/c1", "/loyalty", "/flows", "/feedback", "/delivery",
            ] {
                let page = try await browser.get(path, headers: ["Accept-Language": "de-DE,de;q=0.9"])
                #expect(page.status == .ok, "\(path)")
                #expect(String(buffer: page.body).contains("<html lang=\"de\">"), "\(path)")
            }
            #expect(try await browser.get("/customers/nobody").status == .notFound)
        }
    }

    @Test("the overview shows the engine's figures, and an order posted to the API moves them at once")
    func overviewFollowsIngest() async throws {
        let server = DashboardTestServer()
        try await server.test { browser in
            try await browser.signIn()
            // c1 bought on two days, c2 once: 1 repeat buyer of 2 → 50 %; AOV (20 + 30 + 10) / 3 = 20.00 EUR.
            var html = String(buffer: try await browser.get("/", headers: ["Accept-Language": "en"]).body)
            #expect(BrowserClient.figure("rpr", in: html) == "50.0 %")
            #expect(BrowserClient.figure("aov", in: html) == "20.00 EUR")
            #expect(BrowserClient.figure("ltv", in: html) == "30.00 EUR")  // (50 + 10) / 2 buyers

            let order = """
                {"id":"o4","customer_id":"c2","placed_at":"2026-11-05T10:00:00Z","currency":"EUR",\
                "line_items":[{"sku":"TEA","title":"Sencha","quantity":1,"total_minor":4000}],\
                "subtotal_minor":4000,"total_minor":4000}
                """
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(DashboardTestServer.apiKey)"
            headers[.contentType] = "application/json"
            let posted = try await browser.client.execute(
                uri: "/api/v1/orders", method: .post, headers: headers, body: ByteBuffer(string: order))
            #expect(posted.status == .created)
            html = String(buffer: try await browser.get("/", headers: ["Accept-Language": "de"]).body)
            // Both bought again → 100 %; AOV (20 + 30 + 10 + 40) / 4 = 25,00 EUR, in German.
            #expect(BrowserClient.figure("rpr", in: html) == "100,0 %")
            #expect(BrowserClient.figure("aov", in: html) == "25,00 EUR")
        }
    }

    @Test("the funnel and segments pages count what the engine counts")
    func funnelAndSegments() async throws {
        let server = DashboardTestServer()
        try await server.test { browser in
            try await browser.signIn()
            let funnel = String(buffer: try await browser.get("/funnel", headers: ["Accept-Language": "en"]).body)
            #expect(BrowserClient.figure("funnel-first_time", in: funnel) == "2")
            #expect(BrowserClient.figure("funnel-repeat", in: funnel) == "1")
            #expect(BrowserClient.figure("funnel-loyal", in: funnel) == "0")

            var table = OrderTable(settings: try await server.store.shopSettings() ?? .defaults)
            try await server.store.readHistory { table.add($0) }
            let report = try AnalyticsEngine(table: table).snapshot(asOf: server.now).retentionReport(
                RetentionReportOptions(shopName: "x", sections: [.segments]))
            let segments = String(buffer: try await browser.get("/segments", headers: ["Accept-Language": "en"]).body)
            for stage in report.segments?.lifecycle ?? [] {
                #expect(BrowserClient.figure("stage-" + stage.segment, in: segments) == String(stage.customers), "\(stage.segment)")
            }
        }
    }

    @Test("what customers typed is escaped, never markup")
    func escaping() async throws {
        try await DashboardTestServer().test { browser in
            try await browser.signIn()
            let html = String(buffer: try await browser.get("/customers/c1").body)
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!html.contains("<script>alert(1)"))
            #expect(html.contains("Teeladen &lt;Test&gt;"))
        }
    }

    @Test("the language switch is remembered in a cookie and needs the CSRF token")
    func languageSwitch() async throws {
        try await DashboardTestServer().test { browser in
            try await browser.signIn()
            let html = String(buffer: try await browser.get("/funnel", headers: ["Accept-Language": "en"]).body)
            let csrf = BrowserClient.field("csrf", in: html) ?? ""
            #expect(try await browser.post("/language", form: [("lang", "de"), ("next", "/funnel")]).status == .forbidden)
            let switched = try await browser.post("/language", form: [("csrf", csrf), ("lang", "de"), ("next", "/funnel")])
            #expect(switched.status == .seeOther)
            #expect(switched.headers[.location] == "/funnel")
            #expect(browser.cookies["fw_lang"] == "de")
            let german = String(buffer: try await browser.get("/funnel", headers: ["Accept-Language": "en"]).body)
            #expect(german.contains("<html lang=\"de\">") && german.contains("<h1>Trichter</h1>"))
        }
    }

    @Test("a segment exports as CSV, formulas defused")
    func export() async throws {
        try await DashboardTestServer().test { browser in
            try await browser.signIn()
            let csv = try await browser.get("/segments/export.csv?segment=all")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = String(buffer: csv.body).split(separator: "\r\n")
            #expect(lines.first?.hasPrefix("customer_id,orders,net_spent_minor") == true)
            #expect(lines.contains { $0.hasPrefix("c1,2,5000,EUR,") })
            #expect(try await browser.get("/segments/export.csv?segment=nonsense").status == .badRequest)
        }
        #expect(SegmentExport.cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(SegmentExport.cell("-5") == "'-5")
        #expect(SegmentExport.cell("plain") == "plain")
    }

    @Test("an empty shop says so plainly instead of showing numbers")
    func emptyShop() async throws {
        let store = InMemoryStore()
        _ = try await store.saveAdmin(
            try await AdminAccounts(cost: 4).account(username: "owner", password: DashboardTestServer.password, now: Date()))
        let analytics = DashboardAnalytics(settings: .defaults)
        await analytics.load(from: store)
        let router = try FlywheelServer.buildRouter(
            store: store, configuration: ServerConfiguration(), settings: .defaults, dashboard: analytics,
            accounts: AdminAccounts(cost: 4))
        try await Application(router: router).test(.router) { client in
            let browser = BrowserClient(client: client)
            try await browser.signIn()
            let html = String(buffer: try await browser.get("/", headers: ["Accept-Language": "en"]).body)
            #expect(html.contains("There are no orders yet"))
            #expect(!html.contains("data-figure"))
        }
    }
}

@Suite("Dashboard: words and insights")
struct DashboardWordsTests {
    @Test("German and English have the same words, with the same placeholders")
    func sameKeys() {
        #expect(Set(DashboardText.en.keys) == Set(DashboardText.de.keys))
        for (key, english) in DashboardText.en {
            let german = DashboardText.de[key] ?? ""
            for n in 0..<6 {
                #expect(english.contains("{\(n)}") == german.contains("{\(n)}"), "\(key) {\(n)}")
            }
        }
    }

    @Test("an insight reads as a sentence with both months and the change")
    func insightSentence() {
        let wording = InsightWording(numbers: DashboardNumbers(locale: .en, currency: "EUR", digits: 2), text: DashboardText.en)
        let sentence = wording.sentence(
            ReportInsight(
                kind: .cohortSecondMonth, period: "2026-03", previousPeriod: "2026-02", value: 0.1, previousValue: 0.2,
                relativeChange: -0.5, difference: -0.1))
        let german = InsightWording(numbers: DashboardNumbers(locale: .de, currency: "EUR", digits: 2), text: DashboardText.de)
            .sentence(
                ReportInsight(
                    kind: .repeatRate, period: "2026-03", previousPeriod: "2026-02", value: 0.25, previousValue: 0.3,
                    relativeChange: nil, difference: -0.05))
        #expect(german == "Die Wiederkaufrate lag im März 2026 bei 25,0 %, im Februar 2026 bei 30,0 % (minus 5,0 Pkt.).")
        #expect(
            sentence == "Of the customers first buying in March 2026, 10.0 % bought again the month after — against 20.0 % of February 2026's cohort (down 50.0 %).")
    }
}

@Suite("Dashboard: the engine kept current")
struct DashboardAnalyticsTests {
    @Test("costly figures are worked in the background: the old ones are served, marked, until the new ones are ready")
    func backgroundRefresh() async throws {
        let server = DashboardTestServer()
        try await server.seed()
        let analytics = DashboardAnalytics(settings: .defaults, backgroundAfter: .zero)
        #expect(try await analytics.figures(now: server.now) == nil)  // still loading
        await analytics.load(from: server.store)
        let before = try #require(try await analytics.figures(now: server.now))
        #expect(before.isCurrent)
        #expect(before.report.headline?.orders == 3)

        await analytics.apply(
            IngestBatch(orders: [DashboardTestServer.order("o9", "c2", day: 4, total: 500)]), now: server.now)
        let stale = try #require(try await analytics.figures(now: server.now))
        #expect(!stale.isCurrent)
        #expect(stale.report.headline?.orders == 3)
        var fresh = stale
        for _ in 0..<200 where !fresh.isCurrent {
            try await Task.sleep(for: .milliseconds(10))
            fresh = try #require(try await analytics.figures(now: server.now))
        }
        #expect(fresh.isCurrent)
        #expect(fresh.report.headline?.orders == 4)
    }
}
