import FlywheelCore
import FlywheelFlows
import FlywheelMessaging
import Foundation
import Testing

/// A flow's send rendered into the outbox: idempotent, unsubscribe headers and opt-out notice as the
/// message class and consent basis require.
@Suite("Outbox enqueueing of flow sends")
struct OutboxEnqueuerTests {
    typealias F = OutboxFixtures

    @Test("enqueueing the same send twice stores one message, rendered once")
    func idempotent() async throws {
        let store = InMemoryStore()
        let enqueuer = try F.enqueuer(store)
        let first = try await enqueuer.enqueue(F.outgoing(), recipient: "juergen@example.de", values: F.values)
        #expect(first.isNew)
        var other = F.values
        if case .object(var fields) = other { fields["customer"] = ["first_name": "Anna"]; other = .object(fields) }
        let second = try await enqueuer.enqueue(F.outgoing(), recipient: "anna@example.de", values: other)
        #expect(!second.isNew)
        #expect(second.message == first.message)
        #expect(try await store.outboxMessages(customerID: "c-42") == [first.message])
        #expect(first.message.id == OutboxEnqueuer.messageID(idempotencyKey: "enr_1/review/3", createdAt: F.now - 5))
        #expect(first.message.id != OutboxEnqueuer.messageID(idempotencyKey: "enr_1/review/4", createdAt: F.now - 5))
    }

    @Test("message ids sort by the instant they were queued, then differ by key; same length as the older hash ids")
    func idsFollowTime() throws {
        let instant = Date(timeIntervalSince1970: 1_772_532_000.123)
        let id = OutboxEnqueuer.messageID(idempotencyKey: "enr_1/review/3", createdAt: instant)
        #expect(id.count == 36 && id.hasPrefix("out_" + String(1_772_532_000_123, radix: 16).leftPadded(to: 12)))
        #expect(id.dropFirst(4).allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(id == OutboxEnqueuer.messageID(idempotencyKey: "enr_1/review/3", createdAt: instant))
        // Another key in the same millisecond: another id; any key a millisecond later sorts after both.
        let other = OutboxEnqueuer.messageID(idempotencyKey: "enr_2/review/3", createdAt: instant)
        #expect(other != id && other.prefix(16) == id.prefix(16))
        let later = (0..<200).map {
            OutboxEnqueuer.messageID(idempotencyKey: "enr_\($0)/review/3", createdAt: instant + 0.001)
        }
        #expect(later.allSatisfy { $0 > id && $0 > other })
        // Rounded to the millisecond as stored: 0.4 ms later is the same instant.
        #expect(OutboxEnqueuer.messageID(idempotencyKey: "enr_1/review/3", createdAt: instant + 0.0004) == id)
    }

    @Test("a batch: stored keys are skipped with one lookup and not rendered again; the rest stored at once, in order")
    func batch() async throws {
        let store = InMemoryStore()
        let enqueuer = try F.enqueuer(store)
        let earlier = try await enqueuer.enqueue(F.outgoing(key: "enr_0/review/1"), recipient: "a@example.de", values: F.values)
        // A send whose template does not exist would fail to render: as its key is stored, it is skipped unrendered.
        let sends =
            [OutboxSend(F.outgoing(key: "enr_0/review/1", template: "no_such_template"), recipient: "a@example.de", values: F.values)]
            + (1...200).map { number in
                OutboxSend(F.outgoing(key: "enr_\(number)/review/1", customer: "c-\(number)"), recipient: "k\(number)@example.de", values: F.values)
            }
        let results = try await enqueuer.enqueue(sends)
        #expect(results.count == 200 && results.allSatisfy(\.isNew))
        #expect(results.map(\.message.customerID) == (1...200).map { "c-\($0)" })  // in order, pieces rendered in parallel
        for (result, send) in zip(results, sends.dropFirst()) {
            #expect(result.message == (try enqueuer.render(send.outgoing, recipient: send.recipient, values: send.values)))
        }
        #expect(try await store.outboxMessage(idempotencyKey: "enr_0/review/1") == earlier.message)
        #expect(try await store.outboxMessages(customerID: "c-200").map(\.recipient) == ["k200@example.de"])
        // Again: everything stored, nothing rendered or written.
        #expect(try await enqueuer.enqueue(sends).isEmpty)

        // A template error in a new send stores none of the batch.
        let failing = [
            OutboxSend(F.outgoing(key: "enr_x/review/1"), recipient: "x@example.de", values: F.values),
            OutboxSend(F.outgoing(key: "enr_y/review/1", template: "no_such_template"), recipient: "y@example.de", values: F.values),
        ]
        await #expect(throws: TemplateError.self) { try await enqueuer.enqueue(failing) }
        #expect(try await store.storedOutboxKeys(["enr_x/review/1", "enr_y/review/1"]).isEmpty)
    }

    @Test("a batch send by send: a template that does not render or an invalid message is left out alone; the rest stored once by key")
    func batchEach() async throws {
        let store = InMemoryStore()
        let enqueuer = try F.enqueuer(store)
        let earlier = try await enqueuer.enqueue(F.outgoing(key: "enr_0/review/1"), recipient: "a@example.de", values: F.values)
        let sends = [
            OutboxSend(F.outgoing(key: "enr_0/review/1", template: "no_such_template"), recipient: "a@example.de", values: F.values),
            OutboxSend(F.outgoing(key: "enr_1/review/1", customer: "c-1"), recipient: "b@example.de", values: F.values),
            OutboxSend(F.outgoing(key: "enr_2/review/1", customer: "c-2", template: "no_such_template"), recipient: "c@example.de", values: F.values),
            OutboxSend(F.outgoing(key: "enr_3/review/1", customer: ""), recipient: "d@example.de", values: F.values),
            OutboxSend(F.outgoing(key: "enr_4/review/1", customer: "c-4"), recipient: "e@example.de", values: F.values),
            OutboxSend(F.outgoing(key: "enr_1/review/1", customer: "c-1"), recipient: "b@example.de", values: F.values),
        ]
        let outcomes = try await enqueuer.enqueueEach(sends)
        try #require(outcomes.count == 6)
        guard case .alreadyQueued = outcomes[0] else { Issue.record("stored before: \(outcomes[0])"); return }
        guard case .enqueued(let first) = outcomes[1], first.isNew, first.message.recipient == "b@example.de" else {
            Issue.record("a new send: \(outcomes[1])"); return
        }
        guard case .notRendered(let error) = outcomes[2] else { Issue.record("bad template: \(outcomes[2])"); return }
        #expect(error.description.contains("no_such_template"))
        guard case .invalid(let invalid) = outcomes[3] else { Issue.record("no customer id: \(outcomes[3])"); return }
        #expect(invalid.description.hasSuffix("customer id is empty"))
        guard case .enqueued(let fourth) = outcomes[4], fourth.isNew else { Issue.record("a new send: \(outcomes[4])"); return }
        guard case .enqueued(let repeated) = outcomes[5], !repeated.isNew, repeated.message == first.message else {
            Issue.record("the same key again in the batch: \(outcomes[5])"); return
        }
        #expect(fourth.message == (try enqueuer.render(sends[4].outgoing, recipient: "e@example.de", values: F.values)))
        #expect(try await store.outboxMessage(idempotencyKey: "enr_0/review/1") == earlier.message)
        #expect(try await store.storedOutboxKeys(sends.map(\.outgoing.idempotencyKey))
            == ["enr_0/review/1", "enr_1/review/1", "enr_4/review/1"])
        // Again: the stored ones are not rendered or written; the failing ones fail the same way.
        let again = try await enqueuer.enqueueEach(sends)
        #expect(again.map { if case .alreadyQueued = $0 { "stored" } else if case .notRendered = $0 { "template" } else if case .invalid = $0 { "invalid" } else { "new" } }
            == ["stored", "stored", "template", "invalid", "stored", "stored"])
        // 200 sends rendered in parallel pieces come back in order.
        let many = (1...200).map { number in
            OutboxSend(F.outgoing(key: "enr_m\(number)/review/1", customer: "m-\(number)"), recipient: "m\(number)@example.de", values: F.values)
        }
        let stored = try await enqueuer.enqueueEach(many).compactMap { if case .enqueued(let result) = $0 { result } else { nil } }
        #expect(stored.map(\.message.customerID) == (1...200).map { "m-\($0)" })
    }

    @Test("marketing under the existing-customer exemption: one-click unsubscribe and the objection notice")
    func marketing() throws {
        let message = try F.enqueuer(InMemoryStore()).render(
            F.outgoing(), recipient: "juergen@example.de", values: F.values)
        #expect(message.channel == .email && message.messageClass == "marketing" && message.locale == "de")
        #expect(message.templateID == "review_request" && message.flowID == "post_purchase" && message.stepID == "review")
        #expect(message.content.subject == "Wie gefällt Ihnen Wanderschuh Alpin?")
        #expect(message.content.headers == [
            OutboxHeader(name: "List-Unsubscribe", value: "<https://shop.example/u/c-42/email?sig=abc>"),
            OutboxHeader(name: "List-Unsubscribe-Post", value: "List-Unsubscribe=One-Click"),
        ])
        #expect(message.content.text.contains("Abmelden: https://shop.example/u/c-42/email?sig=abc"))
        #expect(message.content.text.contains("jederzeit widersprechen"))
        #expect(message.content.html?.contains("https://shop.example/u/c-42/email?sig=abc") == true)
        #expect(message.content.text.contains("https://shop.example/r/1042"))  // the caller's links kept
        #expect(message.status == .queued && message.nextAttemptAt == F.now - 5)
    }

    @Test("transactional: no unsubscribe header or link, no notice; the flow's subject wins in its locale")
    func transactional() throws {
        let message = try F.enqueuer(InMemoryStore()).render(
            F.outgoing(
                template: "order_confirmation", locale: .en, subject: "Thanks for order 1042",
                messageClass: .transactional, basis: .notNeeded),
            recipient: "jo@example.com", values: F.values)
        #expect(message.content.headers.isEmpty)
        #expect(message.locale == "en" && message.content.subject == "Thanks for order 1042")
        #expect(!message.content.text.contains("/u/c-42"))
        #expect(!message.content.text.contains("object"))
    }

    @Test("a template that falls back to another locale brings its own subject, not the flow's; without a flow subject the template's")
    func fallbackSubject() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fallback-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, text) in [
            ("hello/en.subject.txt", "Hello {{customer.first_name}}"), ("hello/en.txt", "Hi"),
            ("moin/de.subject.txt", "Moin {{customer.first_name}}"), ("moin/de.txt", "Moin"),
        ] {
            let file = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        let enqueuer = OutboxEnqueuer(templates: try MessageTemplates(directory: folder), store: InMemoryStore(), unsubscribeURL: F.unsubscribe)
        let fallback = try enqueuer.render(F.outgoing(template: "hello", locale: .de, subject: "Hallo"), recipient: "a@example.de", values: F.values)
        #expect(fallback.locale == "en" && fallback.content.subject == "Hello Jürgen")
        let german = try enqueuer.render(F.outgoing(template: "moin", locale: .de, subject: "Hallo"), recipient: "a@example.de", values: F.values)
        #expect(german.locale == "de" && german.content.subject == "Hallo")
        let unset = try enqueuer.render(F.outgoing(template: "moin", locale: .de, subject: nil), recipient: "a@example.de", values: F.values)
        #expect(unset.locale == "de" && unset.content.subject == "Moin Jürgen")
    }

    @Test("service mail with consent: the unsubscribe link, no objection notice; none when no URL is given")
    func serviceWithConsent() throws {
        let outgoing = F.outgoing(template: "points_expiry_reminder", messageClass: .service, basis: .consent)
        var values = F.values
        if case .object(var fields) = values {
            fields["points"] = ["balance": "1.250", "expiring": "300", "expiry_date": "31.03.", "value": "3,00 €"]
            fields["tier"] = ["name": "Gold"]
            values = .object(fields)
        }
        let message = try F.enqueuer(InMemoryStore()).render(outgoing, recipient: "j@example.de", values: values)
        #expect(message.content.headers.count == 2)
        #expect(message.content.text.contains("Abmelden:"))
        // `consent` basis needs the opt-out notice as well (ConsentBasis.needsOptOutNotice).
        #expect(message.content.text.contains("jederzeit widersprechen") == outgoing.basis.needsOptOutNotice)

        let withoutLinks = OutboxEnqueuer(
            templates: try MessageTemplates.bundled(), store: InMemoryStore(), unsubscribeURL: { _, _ in nil })
        let plain = try withoutLinks.render(outgoing, recipient: "j@example.de", values: values)
        #expect(plain.content.headers.isEmpty && !plain.content.text.contains("Abmelden:"))
    }

    @Test("an unknown template is an error naming it")
    func unknownTemplate() async throws {
        let store = InMemoryStore()
        await #expect(throws: TemplateError.self) {
            try await F.enqueuer(store).enqueue(F.outgoing(template: "no_such"), recipient: "a@b.de", values: F.values)
        }
        #expect(try await store.outboxMessages(customerID: "c-42").isEmpty)
    }
}

extension String {
    /// Zero-padded on the left to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
