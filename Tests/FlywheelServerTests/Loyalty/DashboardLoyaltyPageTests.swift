import FlywheelCore
import FlywheelLoyalty
import FlywheelServer
import Foundation
import Testing

@Suite("Dashboard: loyalty page")
struct DashboardLoyaltyPageTests {
    @Test("with a programme the page shows members, open points, the liability by age and pending points")
    func figures() async throws {
        var server = DashboardTestServer()
        server.programme = try LoyaltyTestServer.programme()
        let loyalty = LoyaltyService(
            programme: server.programme!, store: server.store, calendar: ShopSettings.defaults.calendar,
            referralSecret: "test", referralBase: URL(string: "https://shop.example/")!)
        try await server.test { browser in
            // The seeded orders (c1: 20 + 30 EUR, c2: 10 EUR in November 2026) were stored before the
            // service ran: the catch-up awards them (pending) and the launch bonus (available).
            let report = try await loyalty.catchUp()
            #expect(report.awarded == 3)
            try await browser.signIn()
            let html = String(buffer: try await browser.get("/loyalty", headers: ["Accept-Language": "en"]).body)
            #expect(BrowserClient.figure("loyalty-members", in: html) == "2")
            #expect(BrowserClient.figure("loyalty-open", in: html) == "200")
            #expect(BrowserClient.figure("loyalty-pending", in: html) == "60")
            #expect(BrowserClient.figure("loyalty-value", in: html)?.contains("20.00") == true)
            #expect(html.contains("0–3 months"))
            let german = String(buffer: try await browser.get("/loyalty", headers: ["Accept-Language": "de"]).body)
            #expect(german.contains("Offene Punkte nach Alter"))
        }
    }
}
