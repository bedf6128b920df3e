import FlywheelCore
@testable import FlywheelServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The open pixel and the click redirect: signed, counted once, never an open redirect.
@Suite("Tracking routes")
struct TrackingRoutesTests {
    static func message(_ id: String, at: Date) -> OutboxMessage {
        OutboxMessage(
            id: id, idempotencyKey: "enr_1/mail/1", customerID: "c-en", channel: .email, messageClass: "marketing",
            recipient: "anna@example.com", content: OutboxContent(subject: "Hallo", text: "Hallo"), flowID: "review_test",
            stepID: "mail", createdAt: at)
    }

    @Test("the pixel: a GIF that is never cached; the first open counts, repeats only count up; forged tokens record nothing")
    func pixel() async throws {
        let server = ConsentTestServer()
        _ = try await server.store.enqueue(Self.message("out_1", at: server.now))
        let url = server.links.open(message: "out_1", now: server.now)
        try await server.test { client in
            for _ in 0..<3 {
                let response = try await client.execute(uri: ConsentTestServer.target(url), method: .get)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/gif")
                #expect(response.headers[.cacheControl] == "no-store, max-age=0")
                #expect(Array(response.body.readableBytesView) == TrackingRoutes.pixel)
            }
            let forged = CustomerLinkURLs(signer: CustomerLinkSigner(secret: Data("another secret".utf8)), baseURL: URL(string: "https://shop.example")!)
                .open(message: "out_1", now: server.now)
            let answer = try await client.execute(uri: ConsentTestServer.target(forged), method: .get)
            #expect(answer.status == .ok && answer.headers[.contentType] == "image/gif")
        }
        #expect(String(decoding: TrackingRoutes.pixel.prefix(6), as: UTF8.self) == "GIF89a")
        #expect(try await server.store.messageEventCount(messageID: "out_1", kind: .open) == 3)
        let records = try await server.store.flowMeasurementRecords(flowID: "review_test", from: nil, before: nil)
        #expect(records.messages.first?.openedAt == server.now)
    }

    @Test("the redirect goes to the signed target only; another URL, a forged, foreign or expired token is refused")
    func redirect() async throws {
        let server = ConsentTestServer()
        _ = try await server.store.enqueue(Self.message("out_1", at: server.now))
        let target = URL(string: "https://shop.example/products/tea?utm=flow&x=1")!
        let url = try #require(server.links.click(message: "out_1", target: target, now: server.now))
        let token = try #require(URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems?.first?.value)
        // The same MAC over a claim naming another target.
        let parts = token.split(separator: ".").map(String.init)
        let claim = String(decoding: try #require(Base64URL.decode(parts[0])), as: UTF8.self)
        let evil = claim.replacingOccurrences(of: "shop.example/products/tea?utm=flow&x=1", with: "evil.example/phish?utm=flow&x=11")
        #expect(evil != claim)
        let swapped = Base64URL.encode(Data(evil.utf8)) + "." + parts[1]
        let foreign = CustomerLinkURLs(signer: CustomerLinkSigner(secret: Data("another secret".utf8)), baseURL: URL(string: "https://shop.example")!)
            .click(message: "out_1", target: URL(string: "https://evil.example/")!, now: server.now)!
        let expired = server.links.click(message: "out_1", target: target, now: server.now - CustomerLinkURLs.trackingLifetime - 1)!
        let wrongPurpose = server.links.open(message: "out_1", now: server.now)
        try await server.test { client in
            let response = try await client.execute(uri: ConsentTestServer.target(url), method: .get)
            #expect(response.status == .found)
            #expect(response.headers[.location] == target.absoluteString)
            #expect(response.headers[.cacheControl] == "no-store")
            #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")

            let tampered = try await client.execute(uri: "/c/r?t=" + swapped, method: .get)
            #expect(tampered.status == .badRequest)
            #expect(tampered.headers[.location] == nil)
            let forged = try await client.execute(uri: ConsentTestServer.target(foreign), method: .get)
            #expect(forged.status == .badRequest && forged.headers[.location] == nil)
            let old = try await client.execute(uri: ConsentTestServer.target(expired), method: .get)
            #expect(old.status == .gone && old.headers[.location] == nil)
            let pixelToken = try await client.execute(
                uri: "/c/r?" + (URLComponents(url: wrongPurpose, resolvingAgainstBaseURL: false)?.percentEncodedQuery ?? ""),
                method: .get)
            #expect(pixelToken.status == .badRequest && pixelToken.headers[.location] == nil)
            let none = try await client.execute(uri: "/c/r", method: .get)
            #expect(none.status == .badRequest)
        }
        #expect(try await server.store.messageEventCount(messageID: "out_1", kind: .click) == 1)
    }

    @Test("the enqueuer's tracking links: the pixel and redirects on the public address, customer pages left alone")
    func trackingLinks() throws {
        let links = CustomerLinkURLs(signer: CustomerLinkSigner(secret: Data("k".utf8)), baseURL: URL(string: "https://fw.example/base")!)
        let tracking = links.trackingLinks(now: { Date(timeIntervalSince1970: 1_795_000_000) })
        let html = tracking.html(
            "<body><a href=\"https://shop.example/\">a</a><a href=\"https://fw.example/base/c/preferences?t=x\">p</a></body>",
            messageID: "out_9")
        #expect(html.contains("href=\"https://fw.example/base/c/r?t="))
        #expect(html.contains("href=\"https://fw.example/base/c/preferences?t=x\""))
        #expect(html.contains("<img src=\"https://fw.example/base/c/o?t="))
        #expect(links.click(message: "m", target: URL(string: "https://shop.example/" + String(repeating: "a", count: 1_300))!, now: Date()) == nil)
    }
}
