import FlywheelCore
import FlywheelServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Preference page")
struct PreferencePageTests {
    @Test("shows the current state and the legal notice; saving records the changes with source preference_page")
    func saveChanges() async throws {
        let server = ConsentTestServer()
        let target = ConsentTestServer.target(server.links.preferences(customer: "c-en", now: server.now))
        try await server.test { client in
            let page = try await client.page(.get, target)
            #expect(page.status == .ok)
            #expect(page.text.contains("Your preferences") && page.text.contains("Currently: on"))
            #expect(page.text.contains("name=\"email\" value=\"on\" checked"))
            #expect(page.text.contains("free of charge"))
            let token = try #require(page.formToken)
            let saved = try await client.page(.post, target, form: "csrf=\(token)&email=off&sms=on")
            #expect(saved.status == .ok)
            #expect(saved.text.contains("Your preferences are saved."))
            #expect(saved.text.contains("name=\"email\" value=\"off\" checked"))
        }
        let customer = try await server.store.customer(externalID: "c-en")
        #expect(customer?.consent?.email == .revoked && customer?.consent?.sms == .granted)
        // sms was already on: only the e-mail change is recorded.
        let history = try await server.store.consentHistory(customerExternalID: "c-en")
        #expect(history.map(\.source) == [.preferencePage] && history.map(\.channel) == [.email])
        let digest = AddressDigest.of("anna@example.com", channel: .email)
        #expect(try await server.store.suppression(channel: .email, addressHash: digest)?.cause == .unsubscribed)
    }

    @Test("switching e-mail back on is a confirmed opt-in by the link and lifts the unsubscribe; German page")
    func switchOnAgain() async throws {
        let server = ConsentTestServer()
        let target = ConsentTestServer.target(server.links.preferences(customer: "c-de", now: server.now))
        try await server.store.suppress(
            AddressDigest.entry("jonas@example.de", channel: .email, cause: .unsubscribed, source: .oneClick, at: server.now - 10))
        try await server.test { client in
            let page = try await client.page(.get, target, headers: ["Accept-Language": "de"])
            #expect(page.text.contains("Ihre Einstellungen") && page.text.contains("Derzeit: aus"))
            let token = try #require(page.formToken)
            #expect(try await client.page(.post, target, form: "csrf=\(token)&email=on&sms=off").status == .ok)
        }
        let history = try await server.store.consentHistory(customerExternalID: "c-de")
        // sms was unknown, now revoked; e-mail granted with the link as its confirmation.
        #expect(Set(history.map(\.channel)) == [.email, .sms])
        let optIn = try #require(history.first { $0.channel == .email })
        #expect(optIn.state == .granted && optIn.proof?.confirmation == "preference-page-link" && optIn.proof?.confirmedAt == server.now)
        #expect(try await server.store.suppressions().isEmpty)
    }

    @Test("a form without the link's token, or with another link's, changes nothing")
    func formTokenRequired() async throws {
        let server = ConsentTestServer()
        let mine = ConsentTestServer.target(server.links.preferences(customer: "c-en", now: server.now))
        let theirs = ConsentTestServer.target(server.links.preferences(customer: "c-de", now: server.now))
        try await server.test { client in
            let otherToken = try #require(try await client.page(.get, theirs).formToken)
            #expect(try await client.page(.post, mine, form: "email=off").status == .badRequest)
            let crossed = try await client.page(.post, mine, form: "csrf=\(otherToken)&email=off")
            #expect(crossed.status == .badRequest && crossed.text.contains("The form had expired"))
        }
        #expect(try await server.store.consentHistory(customerExternalID: "c-en").isEmpty)
    }
}
