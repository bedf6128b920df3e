import FlywheelCore
import FlywheelMessaging
import FlywheelTesting
import Foundation
import Testing

/// The outbox worker against a real SMTP server (scripts/smtp-sink): sent once with the right headers,
/// greylisting retried, unknown users dead and reported, a crashed worker's message sent by another.
@Suite("Outbox delivery over SMTP", .enabled(if: LocalServers.runSMTPTests, LocalServers.smtpSkipReason))
struct OutboxDeliveryTests {
    typealias F = OutboxFixtures

    @Test("a queued e-mail is sent once, with its Message-ID, key and one-click unsubscribe headers")
    func sentOnce() async throws {
        try await SMTPSink.with { sink in
            let store = InMemoryStore()
            let queued = try await F.enqueuer(store).enqueue(
                F.outgoing(), recipient: "juergen@example.de", values: F.values)
            let client = SMTPClient(configuration: sink.configuration())
            let worker = OutboxDelivery(store: store, smtp: client, sms: nil, configuration: F.configuration())

            let report = try await worker.deliverDue(now: F.now)
            #expect(report.claimed == 1 && report.sent == 1 && report.retried == 0 && report.dead == 0)
            #expect(try await worker.deliverDue(now: F.now + 3600).claimed == 0)  // sent is final
            await client.shutdown()

            let stored = try sink.messages()
            try #require(stored.count == 1)
            #expect(stored[0].envelope.from == "bounces@shop.example")
            #expect(stored[0].envelope.to == ["juergen@example.de"])
            let headers = F.headers(stored[0].bytes)
            let key = "enr_1/review/3"
            #expect(headers["Message-ID"] == "<\(OutboxMessageID.make(idempotencyKey: key, domain: "mail.shop.example"))>")
            #expect(headers["X-Flywheel-Message-Key"] == key)
            #expect(headers["List-Unsubscribe"] == "<https://shop.example/u/c-42/email?sig=abc>")
            #expect(headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click")
            let parsed = try await PythonMailParser.parse(stored[0].bytes)
            #expect(parsed.subject == "Wie gefällt Ihnen Wanderschuh Alpin?")
            #expect(parsed.from.first?.name == "Berg & Tal")
            #expect(parsed.parts.first?.content.contains("Abmelden: https://shop.example/u/c-42/email?sig=abc") == true)
            #expect(parsed.parts.first?.content.contains("jederzeit widersprechen") == true)
            #expect(parsed.defects.isEmpty)

            let sent = try #require(try await store.outboxMessage(id: queued.message.id))
            #expect(sent.status == .sent && sent.attempts == 1 && sent.sentAt == F.now)
            #expect(sent.providerMessageID?.contains("queued as") == true)
        }
    }

    @Test("451 then 250 (greylisting): retried after the backoff and sent once")
    func temporaryFailureRetried() async throws {
        try await SMTPSink.with { sink in
            let store = InMemoryStore()
            let queued = try await F.enqueuer(store).enqueue(
                F.outgoing(messageClass: .transactional, basis: .notNeeded), recipient: "flaky-1@example.de",
                values: F.values)
            let client = SMTPClient(configuration: sink.configuration())
            let worker = OutboxDelivery(
                store: store, smtp: client, sms: nil, configuration: F.configuration(), random: { 0.5 })

            let first = try await worker.deliverDue(now: F.now)
            #expect(first.retried == 1 && first.sent == 0)
            let waiting = try #require(try await store.outboxMessage(id: queued.message.id))
            #expect(waiting.status == .failed && waiting.attempts == 1)
            #expect(waiting.lastError?.contains("451") == true)
            #expect(waiting.nextAttemptAt == F.now + 45)  // 60 s, a quarter taken off by the jitter (0.5 × 0.5)
            #expect(try await worker.deliverDue(now: F.now + 44).claimed == 0)  // not before its time

            let second = try await worker.deliverDue(now: F.now + 45)
            #expect(second.sent == 1)
            await client.shutdown()
            let sent = try #require(try await store.outboxMessage(id: queued.message.id))
            #expect(sent.status == .sent && sent.attempts == 2 && sent.lastError?.contains("451") == true)
            #expect(try sink.messages().count == 1)
            // A transactional message has no unsubscribe header.
            #expect(F.headers(try sink.messages()[0].bytes)["List-Unsubscribe"] == nil)
        }
    }

    @Test("always 451: given up after the last attempt, a dead letter")
    func attemptsExhausted() async throws {
        try await SMTPSink.with { sink in
            let store = InMemoryStore()
            let queued = try await F.enqueuer(store).enqueue(F.outgoing(), recipient: "tempfail@example.de", values: F.values)
            let client = SMTPClient(configuration: sink.configuration())
            let worker = OutboxDelivery(
                store: store, smtp: client, sms: nil,
                configuration: F.configuration(retry: OutboxRetryPolicy(maximumAttempts: 2, baseDelay: 10, jitter: 0)))
            #expect(try await worker.deliverDue(now: F.now).retried == 1)
            #expect(try await worker.deliverDue(now: F.now + 10).dead == 1)
            await client.shutdown()
            let dead = try #require(try await store.outboxMessage(id: queued.message.id))
            #expect(dead.status == .dead && dead.attempts == 2)
            #expect(dead.lastError?.hasPrefix("gave up after 2 attempts: SMTP rejected") == true)
            #expect(try await store.deadLetters(limit: 10).map(\.id) == [queued.message.id])
            #expect(try sink.messages().isEmpty)
        }
    }

    @Test("550 unknown user: dead at once with the reason, the bounce reported; retrying the dead letter")
    func hardBounce() async throws {
        try await SMTPSink.with { sink in
            let store = InMemoryStore()
            let enqueuer = try F.enqueuer(store)
            let bad = try await enqueuer.enqueue(F.outgoing(key: "enr_1/r/1"), recipient: "reject-me@example.de", values: F.values)
            let good = try await enqueuer.enqueue(
                F.outgoing(key: "enr_2/r/1", customer: "c-7"), recipient: "anna@example.de", values: F.values)
            let bounces = Collected<OutboxBounce>()
            let client = SMTPClient(configuration: sink.configuration())
            let worker = OutboxDelivery(
                store: store, smtp: client, sms: nil, configuration: F.configuration(),
                onBounce: { bounces.append($0) })

            let report = try await worker.deliverDue(now: F.now)
            #expect(report.claimed == 2 && report.sent == 1 && report.dead == 1)
            let dead = try #require(try await store.outboxMessage(id: bad.message.id))
            #expect(dead.status == .dead && dead.attempts == 1)
            #expect(dead.lastError?.contains("550 5.1.1") == true)
            #expect(bounces.values == report.bounces)
            #expect(bounces.values.map(\.recipient) == ["reject-me@example.de"])
            #expect(bounces.values.first?.customerID == "c-42" && bounces.values.first?.messageID == bad.message.id)
            #expect(try await store.outboxMessage(id: good.message.id)?.status == .sent)
            #expect(try await store.deadLetters(limit: 5).map(\.id) == [bad.message.id])

            // An operator retries it: one more attempt, dead again (the address still does not exist).
            #expect(try await store.retryDeadLetter(id: bad.message.id, now: F.now + 100))
            #expect(try await worker.deliverDue(now: F.now + 100).dead == 1)
            #expect(bounces.values.count == 2)
            await client.shutdown()
            #expect(try sink.messages().map(\.envelope.to) == [["anna@example.de"]])
        }
    }

    @Test("a worker dies after sending: the lease ends, a second worker sends it again with the same Message-ID")
    func crashedWorker() async throws {
        try await SMTPSink.with { sink in
            let store = InMemoryStore()
            let queued = try await F.enqueuer(store).enqueue(F.outgoing(), recipient: "juergen@example.de", values: F.values)
            let firstClient = SMTPClient(configuration: sink.configuration())
            let dying = OutboxDelivery(
                store: CrashBeforeRecording(base: store), smtp: firstClient, sms: nil, configuration: F.configuration(worker: "a"))
            await #expect(throws: CrashBeforeRecording.Crash.self) { try await dying.deliverDue(now: F.now) }
            await firstClient.shutdown()
            let claimed = try #require(try await store.outboxMessage(id: queued.message.id))
            #expect(claimed.status == .sending && claimed.leaseOwner == "a" && claimed.nextAttemptAt == F.now + 300)

            let secondClient = SMTPClient(configuration: sink.configuration())
            let survivor = OutboxDelivery(store: store, smtp: secondClient, sms: nil, configuration: F.configuration(worker: "b"))
            #expect(try await survivor.deliverDue(now: F.now + 299).claimed == 0)  // still leased
            #expect(try await survivor.deliverDue(now: F.now + 300).sent == 1)
            await secondClient.shutdown()

            let sent = try #require(try await store.outboxMessage(id: queued.message.id))
            #expect(sent.status == .sent && sent.attempts == 2)
            let stored = try sink.messages()
            try #require(stored.count == 2)  // at-least-once: the resend is recognisable
            let first = F.headers(stored[0].bytes)
            let second = F.headers(stored[1].bytes)
            #expect(first["Message-ID"] != nil && first["Message-ID"] == second["Message-ID"])
            #expect(first["X-Flywheel-Message-Key"] == second["X-Flywheel-Message-Key"])
            #expect(first["Date"] == second["Date"] && first["Subject"] == second["Subject"])
            // The dead worker's late outcome cannot overwrite the second attempt.
            let late = OutboxOutcome(id: queued.message.id, attempt: 1, result: .dead(error: "late"))
            #expect(try await store.recordOutboxOutcomes([late], owner: "a", now: F.now + 400) == 0)
        }
    }

    @Test("run() delivers a batch of 40 over one connection and stops when cancelled")
    func runLoop() async throws {
        try await SMTPSink.with { sink in
            let store = InMemoryStore()
            let enqueuer = try F.enqueuer(store)
            for index in 0..<40 {
                try await enqueuer.enqueue(
                    F.outgoing(key: "enr_\(index)/confirm/1", customer: "c-\(index)", template: "order_confirmation",
                        messageClass: .transactional, basis: .notNeeded),
                    recipient: "kunde\(index)@example.de", values: F.values)
            }
            let client = SMTPClient(configuration: sink.configuration())
            let worker = OutboxDelivery(store: store, smtp: client, sms: nil, configuration: F.configuration())
            let running = Task { await worker.run(now: { F.now }) }
            let deadline = ContinuousClock.now + .seconds(60)
            while try sink.messages().count < 40, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
            running.cancel()
            await running.value
            let stored = try sink.messages()
            #expect(stored.count == 40)
            #expect(Set(stored.compactMap(\.envelope.peer)).count == 1)  // one connection for the batch
            #expect(Set(stored.map { F.headers($0.bytes)["Message-ID"] ?? "" }).count == 40)
            for index in 0..<40 {
                let message = try await store.outboxMessage(idempotencyKey: "enr_\(index)/confirm/1")
                #expect(message?.status == .sent)
            }
        }
    }
}
