import FlywheelCore
import FlywheelMessaging
import FlywheelTesting
import Foundation
import Testing

/// The outbox worker sending SMS through an HTTP gateway (scripts/http-sink): the provider's id kept,
/// 503 retried, 400 dead without a bounce.
@Suite("Outbox delivery of SMS", .enabled(if: LocalServers.runPythonTests, LocalServers.pythonSkipReason))
struct OutboxSMSDeliveryTests {
    typealias F = OutboxFixtures

    static func gateway(_ url: String) throws -> SMSGateway {
        try SMSGateway(configuration: SMSGatewayConfiguration(url: url, sender: "BergTal"))
    }

    @Test("an SMS is sent once with its key; the gateway's id is kept")
    func sent() async throws {
        try await SMSGatewayTests.withSink { baseURL, requests in
            let store = InMemoryStore()
            let queued = try await F.enqueuer(store).enqueue(
                F.outgoing(channel: .sms, template: "order_confirmation", messageClass: .transactional, basis: .notNeeded),
                recipient: "+4915112345678", values: F.values)
            #expect(queued.message.content.text.hasPrefix("Berg & Tal: Danke für Ihre Bestellung 1042, Jürgen!"))
            let worker = OutboxDelivery(
                store: store, smtp: nil, sms: try Self.gateway(baseURL + "/sms"), configuration: F.configuration())
            #expect(try await worker.deliverDue(now: F.now).sent == 1)
            #expect(try await worker.deliverDue(now: F.now + 60).claimed == 0)
            let recorded = try requests()
            try #require(recorded.count == 1)
            #expect(recorded[0].headers["idempotency-key"] == "enr_1/review/3")
            let sent = try #require(try await store.outboxMessage(id: queued.message.id))
            #expect(sent.status == .sent && sent.providerMessageID == "1")  // http-sink answers {"id": "1"}
        }
    }

    @Test("HTTP 503 is retried; HTTP 400 is dead at once and is not a bounce")
    func failures() async throws {
        try await SMSGatewayTests.withSink { baseURL, _ in
            let unavailable = InMemoryStore()
            let queued = try await F.enqueuer(unavailable).enqueue(
                F.outgoing(channel: .sms, template: "order_confirmation"), recipient: "+491", values: F.values)
            let retrying = OutboxDelivery(
                store: unavailable, smtp: nil, sms: try Self.gateway(baseURL + "/status/503/sms"),
                configuration: F.configuration())
            #expect(try await retrying.deliverDue(now: F.now).retried == 1)
            #expect(try await unavailable.outboxMessage(id: queued.message.id)?.lastError?.contains("HTTP 503") == true)

            let refusing = InMemoryStore()
            _ = try await F.enqueuer(refusing).enqueue(
                F.outgoing(channel: .sms, template: "order_confirmation"), recipient: "+491", values: F.values)
            let bounces = Collected<OutboxBounce>()
            let dying = OutboxDelivery(
                store: refusing, smtp: nil, sms: try Self.gateway(baseURL + "/status/400/sms"),
                configuration: F.configuration(), onBounce: { bounces.append($0) })
            let report = try await dying.deliverDue(now: F.now)
            #expect(report.dead == 1 && bounces.values.isEmpty)
            #expect(try await refusing.deadLetters(limit: 1).first?.lastError?.contains("HTTP 400") == true)
        }
    }

    @Test("a channel without its transport stays queued: the worker claims only what it can send")
    func notConfigured() async throws {
        let store = InMemoryStore()
        let queued = try await F.enqueuer(store).enqueue(
            F.outgoing(channel: .sms, template: "order_confirmation"), recipient: "+491", values: F.values)
        let nothing = OutboxDelivery(store: store, smtp: nil, sms: nil, configuration: F.configuration())
        #expect(try await nothing.deliverDue(now: F.now).claimed == 0)
        // A mail-only worker (its client never connects: nothing is claimed for it) leaves the SMS alone too.
        let mailOnly = OutboxDelivery(
            store: store, smtp: SMTPClient(configuration: SMTPConfiguration(host: "127.0.0.1", port: 9)), sms: nil,
            configuration: F.configuration())
        #expect(try await mailOnly.deliverDue(now: F.now + 3_600).claimed == 0)
        let stored = try #require(try await store.outboxMessage(id: queued.message.id))
        #expect(stored.status == .queued && stored.attempts == 0 && stored.lastError == nil)
        #expect(try await store.deadLetters(limit: 1).isEmpty)
    }
}
