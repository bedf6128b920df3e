import FlywheelCore
import FlywheelMessaging
import FlywheelServer
import FlywheelTesting
import Foundation
import Testing

/// Consent and suppression checked again at delivery: a message queued before the customer said no is
/// withdrawn by the server's delivery workers (SQLite store, a real aiosmtpd), with the reason on the outbox
/// row and the customer's timeline; transactional mail to a valid address still goes.
@Suite(
    "Outbox delivery re-checks consent and suppression (live, SQLite, aiosmtpd)",
    .enabled(if: LocalServers.runSMTPTests, LocalServers.smtpSkipReason))
struct DeliveryRecheckTests {
    @Test("revoked consent and a complaint withdraw queued marketing and service mail; transactional mail and consented marketing arrive")
    func withdrawnBeforeDelivery() async throws {
        try await FlowTestSupport.Engine.sqlite.with { base in
            let store = try #require(base as? any FlywheelStore & OutboxStore)
            try await SMTPSink.with { sink in
                let server = DeliveryTestServer(store: store, sink: sink)
                let now = Date()
                _ = try await store.ingest(
                    IngestBatch(customers: [
                        Customer(
                            externalID: "c-news", email: "news@example.de", firstName: "Nora",
                            consent: MarketingConsent(email: .granted, updatedAt: now - 86_400)),
                        Customer(
                            externalID: "c-ok", email: "ok@example.de", firstName: "Otto",
                            consent: MarketingConsent(email: .granted, updatedAt: now - 86_400)),
                        Customer(externalID: "c-spam", email: "spam@example.de", firstName: "Sam"),
                    ]))
                _ = try await store.insertEnrolments([
                    StoredEnrolment(
                        id: "enr_w1", customerID: "c-news", flowID: "review_request", flowVersion: 3, entryKey: "review_request/o1",
                        state: Data(), dueAt: nil, status: .finished, createdAt: now, updatedAt: now)
                ])
                try await server.run { _ async throws in
                    // Queued when the step ran (consent still granted) …
                    let marketing = Self.message("enr_w1/review/2", customer: "c-news", to: "news@example.de", class: "marketing")
                    // … then the customer unsubscribed, and another one complained, before the worker claimed them.
                    _ = try await store.recordConsentChange(
                        ConsentChange(customerExternalID: "c-news", channel: .email, state: .revoked, source: .oneClick, changedAt: now),
                        suppression: nil)
                    try await store.suppress(
                        AddressDigest.entry("spam@example.de", channel: .email, cause: .complained, source: .complaint, at: now))
                    let service = Self.message("enr_w2/points/1", customer: "c-spam", to: "spam@example.de", class: "service")
                    let receipt = Self.message("enr_w3/confirm/1", customer: "c-news", to: "news@example.de", class: "transactional")
                    let receipt2 = Self.message("enr_w4/confirm/1", customer: "c-spam", to: "spam@example.de", class: "transactional")
                    let consented = Self.message("enr_w5/review/2", customer: "c-ok", to: "ok@example.de", class: "marketing")
                    _ = try await store.enqueue([marketing, service, receipt, receipt2, consented])

                    #expect(try await eventually { try sink.messages().count == 3 })
                    #expect(try await eventually { try await store.outboxMessage(id: service.id)?.status == .withdrawn })
                    let withdrawn = try #require(try await store.outboxMessage(id: marketing.id))
                    #expect(withdrawn.status == .withdrawn && withdrawn.sentAt == nil)
                    #expect(withdrawn.lastError == "withdrawn before delivery: the customer revoked e-mail consent")
                    let objected = try #require(try await store.outboxMessage(id: service.id))
                    #expect(objected.lastError == "withdrawn before delivery: the address is suppressed (complained)")
                    for id in [receipt.id, receipt2.id, consented.id] {
                        #expect(try await store.outboxMessage(id: id)?.status == .sent)
                    }
                    #expect(try await store.deadLetters(limit: 10).isEmpty)

                    // The timeline of the flow message says why it did not go.
                    #expect(
                        try await eventually {
                            try await store.timeline(customerID: "c-news", before: nil, limit: 10).entries.contains {
                                $0.key == "enr_w1/review/2#withdrawn"
                            }
                        })
                    let entry = try #require(
                        try await store.timeline(customerID: "c-news", before: nil, limit: 10).entries.first {
                            $0.key == "enr_w1/review/2#withdrawn"
                        })
                    #expect(entry.kind == .skipped && entry.flowID == "review_request" && entry.flowVersion == 3)
                    #expect(entry.stepID == "review" && entry.messageID == "enr_w1/review/2")
                    #expect(entry.detail == "email not delivered: withdrawn before delivery: the customer revoked e-mail consent")
                }
                let received = try sink.messages().map(\.envelope.to).flatMap { $0 }.sorted()
                #expect(received == ["news@example.de", "ok@example.de", "spam@example.de"])
                for mail in try sink.messages() {
                    let text = String(decoding: mail.bytes, as: UTF8.self)
                    if mail.envelope.to == ["news@example.de"] || mail.envelope.to == ["spam@example.de"] {
                        #expect(text.contains("X-Flywheel-Message-Key: enr_w3/confirm/1") || text.contains("X-Flywheel-Message-Key: enr_w4/confirm/1"))
                    }
                }
            }
        }
    }

    /// A flow's message as the outbox keeps it.
    static func message(_ key: String, customer: String, to recipient: String, class messageClass: String) -> OutboxMessage {
        let parts = key.split(separator: "/").map(String.init)
        let now = Date()
        return OutboxMessage(
            id: OutboxEnqueuer.messageID(idempotencyKey: key, createdAt: now), idempotencyKey: key, customerID: customer, channel: .email,
            messageClass: messageClass, recipient: recipient,
            content: OutboxContent(subject: "Wie gefällt es Ihnen?", text: "Hallo,\nwie gefällt es Ihnen?", html: nil),
            templateID: "review_request", locale: "de", flowID: messageClass == "transactional" ? nil : "review_request",
            stepID: parts[1], createdAt: now)
    }
}
