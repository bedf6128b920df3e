import FlywheelCore
import FlywheelServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Double opt-in")
struct DoubleOptInTests {
    @Test("a pending e-mail opt-in sends a confirmation link; GET only shows a button; POST confirms with the proof")
    func confirmByPost() async throws {
        let server = ConsentTestServer()
        try await server.test { client in
            let body = """
                {"customer_id":"c-de","channel":"email","state":"pending","changed_at":"2026-11-17T09:00:00Z",\
                "requested_at":"2026-11-17T08:59:30Z","request_source":"checkout","request_ip":"203.0.113.7"}
                """
            let recorded = try await client.send(.post, "/api/v1/consent-changes", key: ConsentTestServer.ingestRead, json: body)
            #expect(recorded.status == .ok)
            let sent = server.confirmations.confirmations
            #expect(sent.count == 1)
            let confirmation = try #require(sent.first)
            #expect(confirmation.email == "jonas@example.de" && confirmation.customer.externalID == "c-de")
            #expect(confirmation.expiresAt == server.now + 7 * 86_400)
            #expect(confirmation.url.absoluteString.hasPrefix("https://shop.example/c/confirm?t="))
            let target = ConsentTestServer.target(confirmation.url)

            // A mail scanner following the link confirms nothing.
            let page = try await client.page(.get, target, headers: ["Accept-Language": "de"])
            #expect(page.status == .ok && page.text.contains("Ja, ich möchte mich anmelden"))
            #expect(try await server.store.customer(externalID: "c-de")?.consent?.email == .pending)
            #expect(try await client.page(.post, target, form: "").status == .badRequest)
            #expect(try await server.store.customer(externalID: "c-de")?.consent?.email == .pending)

            let token = try #require(page.formToken)
            let done = try await client.page(.post, target, form: "csrf=\(token)")
            #expect(done.status == .ok && done.text.contains("Vielen Dank!"))
            // Confirming twice records nothing more.
            #expect(try await client.page(.post, target, form: "csrf=\(token)").status == .ok)
        }
        #expect(try await server.store.customer(externalID: "c-de")?.consent?.email == .granted)
        let history = try await server.store.consentHistory(customerExternalID: "c-de")
        #expect(history.map(\.state) == [.pending, .granted])
        #expect(history.map(\.source) == [.api, .doubleOptInConfirmation])
        let proof = try #require(history.last?.proof)
        #expect(proof.requestIP == "203.0.113.7" && proof.requestSource == "checkout")
        #expect(proof.requestedAt == ISO8601DateFormatter().date(from: "2026-11-17T08:59:30Z"))
        #expect(proof.confirmedAt == server.now && proof.confirmation == "confirmation-link")
    }

    @Test("a confirmation link for an address the customer no longer has confirms nothing")
    func addressChanged() async throws {
        let server = ConsentTestServer()
        let old = server.links.confirmOptIn(customer: "c-de", email: "old@example.de", now: server.now)
        try await server.test { client in
            _ = try await server.store.recordConsentChange(
                ConsentChange(customerExternalID: "c-de", channel: .email, state: .pending, source: .api, changedAt: server.now - 60),
                suppression: nil)
            let page = try await client.page(.get, ConsentTestServer.target(old.url))
            let token = try #require(page.formToken)
            #expect(try await client.page(.post, ConsentTestServer.target(old.url), form: "csrf=\(token)").status == .gone)
        }
        #expect(try await server.store.customer(externalID: "c-de")?.consent?.email == .pending)
    }

    @Test("consent changes through the API keep their history, an older one does not replace the state")
    func apiHistory() async throws {
        let server = ConsentTestServer()
        try await server.test { client in
            let revoke = #"{"customer_id":"c-en","channel":"sms","state":"revoked","changed_at":"2026-11-18T10:00:00Z"}"#
            let stale = #"{"customer_id":"c-en","channel":"sms","state":"granted","changed_at":"2026-11-01T10:00:00Z"}"#
            let unknown = #"{"customer_id":"nobody","channel":"sms","state":"granted","changed_at":"2026-11-01T10:00:00Z"}"#
            let answers = [
                try await client.send(.post, "/api/v1/consent-changes", key: ConsentTestServer.ingestRead, json: revoke),
                try await client.send(.post, "/api/v1/consent-changes", key: ConsentTestServer.ingestRead, json: stale),
                try await client.send(.post, "/api/v1/consent-changes", key: ConsentTestServer.ingestRead, json: unknown),
            ]
            #expect(answers[0].object["result"] as? String == "updated")
            #expect(answers[1].object["result"] as? String == "unchanged")
            #expect(answers[2].status == .unprocessableContent)
        }
        #expect(try await server.store.customer(externalID: "c-en")?.consent?.sms == .revoked)
        #expect(try await server.store.consentHistory(customerExternalID: "c-en").map(\.state) == [.granted, .revoked])
        #expect(server.confirmations.confirmations.isEmpty)
    }
}
