import FlywheelCore
import FlywheelServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Unsubscribe links (RFC 8058 one-click and the page)")
struct UnsubscribePageTests {
    @Test("one-click: a POST with exactly List-Unsubscribe=One-Click, no cookie, no token, unsubscribes at once")
    func oneClick() async throws {
        let server = ConsentTestServer()
        let url = server.links.unsubscribe(customer: "c-en", channel: .email, now: server.now)
        #expect(url.absoluteString.hasPrefix("https://shop.example/c/unsubscribe?t="))
        try await server.test { client in
            let response = try await client.page(.post, ConsentTestServer.target(url), form: "List-Unsubscribe=One-Click")
            #expect(response.status == .ok)
            #expect(response.headers[.setCookie] == nil)
            #expect(response.text.contains("You are unsubscribed"))
        }
        let customer = try await server.store.customer(externalID: "c-en")
        #expect(customer?.consent?.email == .revoked)
        #expect(customer?.consent?.sms == .granted)
        let history = try await server.store.consentHistory(customerExternalID: "c-en")
        #expect(history.map(\.source) == [.oneClick] && history.first?.state == .revoked && history.first?.changedAt == server.now)
        let entry = try await server.store.suppression(channel: .email, addressHash: AddressDigest.of("anna@example.com", channel: .email))
        #expect(entry?.cause == .unsubscribed && entry?.address == "anna@example.com" && entry?.source == .oneClick)
    }

    @Test("one-click as multipart/form-data is understood too; any other body without the page's token changes nothing")
    func otherBodies() async throws {
        let server = ConsentTestServer()
        let target = ConsentTestServer.target(server.links.unsubscribe(customer: "c-en", channel: .email, now: server.now))
        try await server.test { client in
            for body in ["List-Unsubscribe=Yes", "", "List-Unsubscribe=One-Click&csrf=forged"] {
                #expect(try await client.page(.post, target, form: body).status == .badRequest)
            }
            #expect(try await server.store.customer(externalID: "c-en")?.consent?.email == .granted)
            let multipart = "--XyZ\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--XyZ--\r\n"
            let response = try await client.page(
                .post, target, form: multipart, headers: ["Content-Type": "multipart/form-data; boundary=XyZ"])
            #expect(response.status == .ok)
        }
        #expect(try await server.store.customer(externalID: "c-en")?.consent?.email == .revoked)
    }

    @Test("GET shows a page in the customer's language (else the browser's), with a button, and changes nothing")
    func pageInBothLanguages() async throws {
        let server = ConsentTestServer()
        let english = ConsentTestServer.target(server.links.unsubscribe(customer: "c-en", channel: .email, now: server.now))
        let german = ConsentTestServer.target(server.links.unsubscribe(customer: "c-de", channel: .sms, now: server.now))
        try await server.test { client in
            let en = try await client.page(.get, english, headers: ["Accept-Language": "de-DE,de;q=0.9"])
            #expect(en.status == .ok)
            #expect(en.text.contains("<html lang=\"en\">") && en.text.contains("Stop marketing e-mails to you?"))
            #expect(en.text.contains("<button type=\"submit\">Unsubscribe</button>"))
            #expect(en.text.contains("href=\"/c/preferences?t="))
            #expect(en.text.contains("withdraw your consent at any time"))
            #expect(en.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(en.headers[.contentSecurityPolicy]?.contains("script") == false)
            #expect(en.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            #expect(en.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            #expect(en.headers[.cacheControl] == "no-store")
            #expect(!en.text.contains("<script"))

            let de = try await client.page(.get, german, headers: ["Accept-Language": "de-DE,de;q=0.9,en;q=0.5"])
            #expect(de.text.contains("<html lang=\"de\">") && de.text.contains("Keine Werbe-SMS mehr erhalten?"))
            #expect(de.text.contains("Abmelden"))
            let fallback = try await client.page(.get, german, headers: ["Accept-Language": "en-GB"])
            #expect(fallback.text.contains("Stop marketing text messages to you?"))
        }
        #expect(try await server.store.consentHistory(customerExternalID: "c-en").isEmpty)
        #expect(try await server.store.customer(externalID: "c-en")?.consent?.email == .granted)
    }

    @Test("the page's button posts with its form token: source unsubscribe_link")
    func pageButton() async throws {
        let server = ConsentTestServer()
        let target = ConsentTestServer.target(server.links.unsubscribe(customer: "c-en", channel: .sms, now: server.now))
        try await server.test { client in
            let page = try await client.page(.get, target)
            let token = try #require(page.formToken)
            let done = try await client.page(.post, target, form: "List-Unsubscribe=One-Click&csrf=\(token)")
            #expect(done.status == .ok && done.text.contains("no more marketing text messages"))
        }
        #expect(try await server.store.consentHistory(customerExternalID: "c-en").map(\.source) == [.unsubscribeLink])
        #expect(try await server.store.customer(externalID: "c-en")?.consent?.sms == .revoked)
        #expect(try await server.store.customer(externalID: "c-en")?.consent?.email == .granted)
    }

    @Test("expired, forged and misused links get one neutral page: 410 when expired, else 400")
    func refusedLinks() async throws {
        let server = ConsentTestServer()
        let signer = ConsentTestServer.configuration.linkSigner
        let expired = signer.token(
            for: CustomerLink(purpose: .unsubscribe, customer: "c-en", expiresAt: server.now - 1, detail: "email"))
        let valid = signer.token(
            for: CustomerLink(purpose: .unsubscribe, customer: "c-en", expiresAt: server.now + 3600, detail: "email"))
        let forged = String(valid.dropLast(2)) + (valid.hasSuffix("AA") ? "BB" : "AA")
        let otherKey = CustomerLinkSigner(secret: Data("another secret".utf8)).token(
            for: CustomerLink(purpose: .unsubscribe, customer: "c-en", expiresAt: server.now + 3600, detail: "email"))
        let wrongPurpose = signer.token(
            for: CustomerLink(purpose: .preferences, customer: "c-en", expiresAt: server.now + 3600, detail: "email"))
        try await server.test { client in
            let english = ["Accept-Language": "en"]
            let gone = try await client.page(
                .post, "/c/unsubscribe?t=\(expired)", form: "List-Unsubscribe=One-Click", headers: english)
            #expect(gone.status == .gone)
            let message = "This link is not valid or has expired."
            #expect(gone.text.contains(message))
            for token in [forged, otherKey, wrongPurpose, "", "garbage"] {
                for method in [HTTPRequest.Method.get, .post] {
                    let response = try await client.page(
                        method, "/c/unsubscribe?t=\(token)", form: "List-Unsubscribe=One-Click", headers: english)
                    #expect(response.status == .badRequest)
                    #expect(response.text.contains(message))
                }
            }
            let expiredPage = try await client.page(.get, "/c/unsubscribe?t=\(expired)")
            #expect(expiredPage.status == .gone && expiredPage.text.contains("Dieser Link ist ungültig oder abgelaufen."))
        }
        #expect(try await server.store.customer(externalID: "c-en")?.consent?.email == .granted)
        #expect(try await server.store.suppressions().isEmpty)
    }
}
