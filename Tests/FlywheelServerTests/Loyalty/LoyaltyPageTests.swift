import FlywheelCore
import FlywheelLoyalty
import FlywheelServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// The customer's loyalty page behind a signed link: what it shows in German and English, redeeming with
/// its CSRF token, and the neutral page for forged and expired links.
@Suite("Customer loyalty page")
struct LoyaltyPageTests {
    /// c1 with two orders (Bronze, one order from Silver), the launch bonus available and points pending.
    static func seed(_ client: any TestClientProtocol) async throws {
        _ = try await client.send(.post, "/api/v1/customers", json: #"{"id":"c1","first_name":"<b>Mia</b>"}"#)
        _ = try await client.send(.post, "/api/v1/orders", json: LoyaltyBodies.order("o1", totalMinor: 123_456))
        _ = try await client.send(
            .post, "/api/v1/orders", json: LoyaltyBodies.order("o2", totalMinor: 2_000, placedAt: "2026-11-10T10:00:00Z"))
    }

    static func page(_ client: any TestClientProtocol, _ query: String, language: String? = nil) async throws -> TestResponse {
        try await client.send(.get, "/c/loyalty?\(query)", key: nil, headers: language.map { ["Accept-Language": $0] } ?? [:])
    }

    @Test("in English: balance, pending points, tier with progress to the next, referral link, history, a redeem button")
    func english() async throws {
        let server = try LoyaltyTestServer()
        let token = server.token("c1")
        try await server.test { client async throws in
            try await Self.seed(client)
            let page = try await Self.page(client, "t=\(token)", language: "en-GB,en;q=0.8")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains(#"<html lang="en">"#))
            #expect(html.contains(#"<p class="balance" id="balance">100 points</p>"#))
            #expect(html.contains("1,254 more on the way"))  // 1,234 + 20 pending
            #expect(html.contains(#"<p id="tier">Bronze</p>"#))
            #expect(html.contains(#"<p id="progress">1 order to Silver</p>"#))
            #expect(html.contains(#"aria-valuenow="66""#))
            let code = try #require(server.loyalty.referralCode(of: "c1"))
            #expect(html.contains(#"<span class="code" id="referral-code">\#(code)</span>"#))
            #expect(html.contains("https://shop.example/?ref=\(code)"))
            #expect(html.contains("Order o1"))
            #expect(html.contains(">Redeem</button>"))
            #expect(html.contains("Flywheel Rewards"))
            #expect(html.contains("--primary: #1F3A5F"))
            #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(page.headers[.contentSecurityPolicy]?.contains("script-src") == false)
        }
    }

    @Test("in German (Accept-Language, or the switch): the same figures in German words and number format")
    func german() async throws {
        let server = try LoyaltyTestServer()
        let token = server.token("c1")
        try await server.test { client async throws in
            try await Self.seed(client)
            for page in [
                try await Self.page(client, "t=\(token)", language: "de-DE,de;q=0.9"),
                try await Self.page(client, "t=\(token)&lang=de", language: "en"),
            ] {
                let html = page.text
                #expect(html.contains(#"<html lang="de">"#))
                #expect(html.contains(#"<p class="balance" id="balance">100 Punkte</p>"#))
                #expect(html.contains("1.254 weitere unterwegs"))
                #expect(html.contains(#"<p id="progress">noch 1 Bestellung bis Silver</p>"#))
                #expect(html.contains("Freunde einladen"))
                #expect(html.contains("Flywheel Prämien"))
                #expect(html.contains(">Einlösen</button>"))
            }
        }
    }

    @Test("redeeming from the page needs the link's CSRF token; with it the code is shown and the points taken")
    func redeem() async throws {
        let server = try LoyaltyTestServer()
        let token = server.token("c1")
        try await server.test { client async throws in
            try await Self.seed(client)
            let page = try await Self.page(client, "t=\(token)&lang=en")
            let csrf = try #require(Self.field("csrf", in: page.text))
            func post(_ form: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/c/loyalty/redeem", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: form))
            }
            let forged = try await post("t=\(token)&csrf=wrong&reward=ten-euro-off&lang=en")
            #expect(forged.status == .forbidden)
            #expect(try await server.store.ledgerBalance(customer: "c1").available == 100)
            let done = try await post("t=\(token)&csrf=\(csrf)&reward=ten-euro-off&lang=en")
            #expect(done.status == .ok)
            #expect(done.text.contains(#"id="new-code">FLY-"#))
            #expect(done.text.contains(#"<p class="balance" id="balance">0 points</p>"#))
            let poor = try await post("t=\(token)&csrf=\(csrf)&reward=ten-euro-off&lang=en")
            #expect(poor.status == .conflict)
        }
    }

    @Test("a forged, foreign-purpose or tampered link gets the neutral page (400), an expired one 410, nothing of the customer's")
    func refusedLinks() async throws {
        let server = try LoyaltyTestServer()
        let expired = server.token("c1", expiresAt: server.now.addingTimeInterval(-1))
        let other = CustomerLinkSigner(secret: Data("another-secret".utf8)).token(
            for: CustomerLink(purpose: .loyalty, customer: "c1", expiresAt: server.now.addingTimeInterval(3_600)))
        let unsubscribe = server.configuration.linkSigner.token(
            for: CustomerLink(purpose: .unsubscribe, customer: "c1", expiresAt: server.now.addingTimeInterval(3_600)))
        var characters = Array(server.token("c1"))
        characters[5] = characters[5] == "A" ? "B" : "A"
        let tampered = String(characters)
        try await server.test { client async throws in
            try await Self.seed(client)
            let gone = try await Self.page(client, "t=\(expired)&lang=en")
            #expect(gone.status == .gone)
            for token in [other, unsubscribe, tampered, "nonsense", ""] {
                let page = try await Self.page(client, "t=\(token)&lang=en")
                #expect(page.status == .badRequest)
                #expect(page.text.contains("This link does not work"))
                #expect(!page.text.contains("points"))
            }
            #expect(gone.text.contains("This link does not work"))
            let german = try await Self.page(client, "t=\(expired)", language: "de")
            #expect(german.text.contains("Dieser Link funktioniert nicht"))
        }
    }

    static func field(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: #"name="\#(name)" value=""#) else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
