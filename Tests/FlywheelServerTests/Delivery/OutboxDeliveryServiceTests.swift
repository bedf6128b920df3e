import FlywheelCore
import FlywheelMessaging
import FlywheelServer
import FlywheelTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import Testing

/// The outbox delivered by the server itself (`buildApplication` with an `--smtp` URL), to a real aiosmtpd:
/// queued messages arrive, hard bounces suppress the address, double opt-in confirmations are sent and their
/// link confirms.
@Suite("Outbox delivery in the server (live, aiosmtpd)", .enabled(if: LocalServers.runSMTPTests, LocalServers.smtpSkipReason))
struct OutboxDeliveryServiceTests {
    @Test("a message queued in the outbox is delivered by the server's service and arrives once; the log shows no password")
    func queuedMessageArrives() async throws {
        try await SMTPSink.with { sink in
            let server = DeliveryTestServer(sink: sink)
            let store = server.store
            try await server.run { _ async throws in
                let message = DeliveryTestServer.message(key: "enr_1/confirm/1", customer: "c-de", to: "jonas@example.de")
                #expect(try await store.enqueue(message).isNew)
                #expect(try await eventually { try await store.outboxMessage(id: message.id)?.status == .sent })
                #expect(try await eventually { try sink.messages().count == 1 })
            }
            let stored = try sink.messages()
            #expect(stored.count == 1)
            let mail = try #require(stored.first)
            #expect(mail.envelope.from == "shop@berg-tal.example" && mail.envelope.to == ["jonas@example.de"])
            #expect(mail.envelope.tls && mail.envelope.login == SMTPSink.user)
            let text = String(decoding: mail.bytes, as: UTF8.self)
            #expect(text.contains("Message-ID: <fw.") && text.contains("@berg-tal.example>"))
            #expect(text.contains("X-Flywheel-Message-Key: enr_1/confirm/1"))
            #expect(text.contains("From: Berg & Tal <shop@berg-tal.example>"))

            let lines = server.log.lines
            #expect(lines.contains { $0.contains("E-mail: via smtp://flywheel@127.0.0.1:\(sink.port) (STARTTLS) from shop@berg-tal.example") })
            let encoded = SMTPSink.password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            for line in lines {
                #expect(!line.contains(SMTPSink.password) && !line.contains(encoded), "a log line shows the password: \(line)")
            }
        }
    }

    @Test("the delivery service reads the application's clock (flywheel serve's ServerClock): sent at its time")
    func deliveryReadsApplicationClock() async throws {
        try await SMTPSink.with { sink in
            let server = DeliveryTestServer(sink: sink)
            let store = server.store
            let clock = try #require(ISO8601DateFormatter().date(from: "2031-01-01T09:00:00Z"))
            let message = DeliveryTestServer.message(key: "enr_5/confirm/1", customer: "c-de", to: "jonas@example.de")
            try await server.run(now: { clock }) { _ async throws in
                _ = try await store.enqueue(message)
                #expect(try await eventually { try await store.outboxMessage(id: message.id)?.status == .sent })
            }
            let sent = try #require(try await store.outboxMessage(id: message.id))
            #expect(sent.sentAt == clock)
        }
    }

    @Test("a 5xx recipient refusal (550 5.1.1) makes a dead letter and suppresses the address, with a consent history entry")
    func bounceSuppresses() async throws {
        try await SMTPSink.with { sink in
            let server = DeliveryTestServer(sink: sink)
            let store = server.store
            let message = DeliveryTestServer.message(key: "enr_2/news/1", customer: "c-gone", to: "reject-gone@example.de")
            try await server.run { _ async throws in
                _ = try await store.enqueue(message)
                #expect(try await eventually { try await store.outboxMessage(id: message.id)?.status == .dead })
                #expect(try await eventually { try await store.suppressions().count == 1 })
            }
            let dead = try #require(try await store.outboxMessage(id: message.id))
            #expect(dead.lastError?.contains("550") == true)
            let digest = AddressDigest.of("reject-gone@example.de", channel: .email)
            let entry = try #require(try await store.suppression(channel: .email, addressHash: digest))
            #expect(entry.cause == .hardBounce && entry.source == .bounce && entry.address == "reject-gone@example.de")
            let history = try await store.consentHistory(customerExternalID: "c-gone")
            #expect(history.map(\.state) == [.revoked] && history.map(\.source) == [.bounce])
            #expect(try await store.customer(externalID: "c-gone")?.consent?.email == .revoked)
            #expect(try sink.messages().isEmpty)
        }
    }

    @Test("a double opt-in request through the API sends the confirmation e-mail, and its /c/confirm link confirms")
    func confirmationSentAndLinkWorks() async throws {
        try await SMTPSink.with { sink in
            let server = DeliveryTestServer(sink: sink)
            let store = server.store
            try await server.run { client async throws in
                let body = """
                    {"customer_id":"c-de","channel":"email","state":"pending","changed_at":"2026-11-17T09:00:00Z",\
                    "requested_at":"2026-11-17T08:59:30Z","request_source":"checkout"}
                    """
                let answer = try await client.send(.post, "/api/v1/consent-changes", key: DeliveryTestServer.ingestKey, json: body)
                #expect(answer.status == .ok)
                #expect(try await eventually { try sink.messages().count == 1 })
                let mail = try #require(try sink.messages().first)
                #expect(mail.envelope.to == ["jonas@example.de"])
                let text = QuotedPrintableText.decode(String(decoding: mail.bytes, as: UTF8.self))
                #expect(text.contains("Bitte bestätigen Sie mit einem Klick, dass diese Adresse Ihnen gehört"))
                #expect(text.contains("Hallo Jonas,"))
                #expect(!text.contains("List-Unsubscribe"))  // transactional: the customer asked for it
                let link = try #require(text.range(of: #"https://shop\.example/c/confirm\?t=[A-Za-z0-9_\-.~%]+"#, options: .regularExpression))
                let url = try #require(URL(string: String(text[link])))
                let target = ConsentTestServer.target(url)
                let outbox = try await store.outboxMessages(customerID: "c-de")
                #expect(outbox.count == 1 && outbox.first?.messageClass == "transactional")
                #expect(outbox.first?.templateID == "optin_confirmation" && outbox.first?.locale == "de")
                #expect(outbox.first?.flowID == nil)

                // The link from the e-mail: the page, then its button.
                let page = try await client.page(.get, target)
                #expect(page.status == .ok)
                let token = try #require(page.formToken)
                #expect(try await client.page(.post, target, form: "csrf=\(token)").status == .ok)
            }
            #expect(try await store.customer(externalID: "c-de")?.consent?.email == .granted)
            let history = try await store.consentHistory(customerExternalID: "c-de")
            #expect(history.map(\.source) == [.api, .doubleOptInConfirmation])
        }
    }

    @Test("without a mail server nothing is delivered, messages stay queued, and the start-up says so")
    func withoutMailServerMessagesStayQueued() async throws {
        let store = InMemoryStore()
        let log = RecordedLog()
        let logger = Logger(label: "flywheel") { _ in RecordingLogHandler(log: log) }
        let app = try await FlywheelServer.buildApplication(
            store: store, configuration: ServerConfiguration(port: 0, dashboard: false), logger: logger)
        try await app.test(.live) { client async throws in
            let message = DeliveryTestServer.message(key: "enr_3/confirm/1", customer: "c-1", to: "a@example.de")
            _ = try await store.enqueue(message)
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await store.outboxMessage(id: message.id)?.status == .queued)
        }
        #expect(log.lines.contains { $0.hasPrefix("warning: E-mail is not configured") })
    }
}

/// Quoted-printable undone over a whole message (soft line breaks removed, `=XX` decoded as UTF-8), enough to
/// read links and text out of a received e-mail.
enum QuotedPrintableText {
    static func decode(_ text: String) -> String {
        let joined = text.replacingOccurrences(of: "=\r\n", with: "")
        var bytes: [UInt8] = []
        var utf8 = Array(joined.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "="), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
