import FlywheelCore
import FlywheelServer
import Foundation
import HummingbirdTesting
import Testing

/// `GET /api/v1/flows/reports`, `GET /api/v1/flows/{id}/report` and the dashboard's Flows page, over the
/// fixture's flow: treated 1 of 2 converted (1,500 cents), holdout 0 of 2.
@Suite("Flow reports: API and dashboard")
struct FlowReportRoutesTests {
    /// The fixture's flow entered three days before the test server's clock.
    static func seed(_ store: InMemoryStore, now: Date) async throws -> [String: String] {
        try await FlowReportFixture.seed(store, at: now - 5 * 86_400)
    }

    @Test("the report: counts, rates, the lift with its interval; the list; 404, 400 and 401 as documented")
    func api() async throws {
        let server = TestServer()
        let messages = try await Self.seed(server.store, now: server.now)
        let opened = try #require(messages.values.sorted().first)
        _ = try await server.store.recordMessageEvent(MessageEvent(messageID: opened, kind: .open, at: server.now))
        try await server.test { client in
            let response = try await client.send(.get, "/api/v1/flows/review_test/report", key: TestServer.readOnly)
            #expect(response.status == .ok)
            let report = response.object
            #expect(report["flow_id"] as? String == "review_test")
            #expect(report["currency"] as? String == "EUR")
            #expect(report["window_days"] as? Int == 7)
            let totals = try #require(report["totals"] as? [String: Any])
            #expect(totals["entered"] as? Int == 2 && totals["holdout"] as? Int == 2)
            #expect(totals["sent"] as? Int == 2 && totals["delivered"] as? Int == 0)
            #expect(totals["opened"] as? Int == 1 && totals["clicked"] as? Int == 0)
            #expect(totals["converted"] as? Int == 1 && totals["holdout_converted"] as? Int == 0)
            #expect(totals["revenue_minor"] as? Int == 1_500)
            #expect(totals["incremental_revenue_minor"] as? Int == 1_500)
            let lift = try #require(totals["lift"] as? [String: Any])
            // 1/2 − 0/2: Wilson [0.0945, 0.9055] and [0, 0.6576]; L = 0.5 − √(0.4055² + 0.6576²) = −0.2726,
            // U = 0.5 + √(0.4055² + 0²) = 0.9055.
            #expect(lift["estimate"] as? Double == 0.5)
            #expect(abs((lift["lower"] as? Double ?? 0) - -0.2726) < 1e-3)
            #expect(abs((lift["upper"] as? Double ?? 0) - 0.9055) < 1e-3)
            #expect(lift["significant"] as? Bool == false)

            let list = try await client.send(.get, "/api/v1/flows/reports", key: TestServer.readOnly)
            #expect(list.status == .ok)
            #expect((list.object["reports"] as? [[String: Any]])?.map { $0["flow_id"] as? String } == ["review_test"])

            // Entered five days ago: a period that ends before then has no enrolments.
            let early = try await client.send(
                .get, "/api/v1/flows/review_test/report?until=2026-11-01T00:00:00Z", key: TestServer.readOnly)
            #expect(early.status == .ok)
            #expect((early.object["totals"] as? [String: Any])?["entered"] as? Int == 0)
            #expect((early.object["until"] as? String)?.hasPrefix("2026-11-01T00:00:00") == true)

            #expect(try await client.send(.get, "/api/v1/flows/nobody/report", key: TestServer.readOnly).status == .notFound)
            let backwards = try await client.send(
                .get, "/api/v1/flows/reports?since=2026-11-10T00:00:00Z&until=2026-11-01T00:00:00Z", key: TestServer.readOnly)
            #expect(backwards.status == .badRequest)
            #expect(backwards.pointers == ["since"])
            let window = try await client.send(.get, "/api/v1/flows/reports?window_days=0", key: TestServer.readOnly)
            #expect(window.status == .badRequest)
            #expect(try await client.send(.get, "/api/v1/flows/reports", key: nil).status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/flows/reports", key: TestServer.ingestOnly).status == .forbidden)
        }
    }

    @Test("the Flows page: a row per flow with the figures in the page's language, escaped; empty state otherwise")
    func dashboard() async throws {
        let empty = DashboardTestServer()
        try await empty.test { browser in
            try await browser.signIn()
            let html = String(buffer: try await browser.get("/flows", headers: ["Accept-Language": "en"]).body)
            #expect(html.contains("No lifecycle flow is switched on yet"))
        }
        let store = InMemoryStore()
        var server = DashboardTestServer()
        server.store = store
        _ = try await Self.seed(store, now: server.now)
        try await server.test { browser in
            try await browser.signIn()
            let html = String(buffer: try await browser.get("/flows", headers: ["Accept-Language": "en"]).body)
            #expect(BrowserClient.figure("flow-review_test-entered", in: html) == "2")
            #expect(BrowserClient.figure("flow-review_test-holdout", in: html) == "2")
            #expect(BrowserClient.figure("flow-review_test-sent", in: html) == "2")
            #expect(BrowserClient.figure("flow-review_test-converted", in: html) == "1 (50.0 %)")
            #expect(BrowserClient.figure("flow-review_test-holdout-converted", in: html) == "0 (0.0 %)")
            #expect(BrowserClient.figure("flow-review_test-revenue", in: html) == "15.00 EUR")
            #expect(BrowserClient.figure("flow-review_test-lift", in: html) == "+50.0 pts (−27.3 to +90.5)")
            let german = String(buffer: try await browser.get("/flows", headers: ["Accept-Language": "de"]).body)
            #expect(BrowserClient.figure("flow-review_test-converted", in: german) == "1 (50,0 %)")
            #expect(BrowserClient.figure("flow-review_test-revenue", in: german) == "15,00 EUR")
            #expect(BrowserClient.figure("flow-review_test-lift", in: german) == "+50,0 Pp. (−27,3 bis +90,5)")
            #expect(german.contains("Kontrollgruppe"))
        }
    }
}
