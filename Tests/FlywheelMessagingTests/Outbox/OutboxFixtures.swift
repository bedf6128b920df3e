import FlywheelCore
import Synchronization
import FlywheelFlows
import FlywheelMessaging
import Foundation

/// Flow sends, template values and workers for the outbox tests.
enum OutboxFixtures {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// A flow's send as the runner makes it.
    static func outgoing(
        key: String = "enr_1/review/3", customer: String = "c-42", channel: Channel = .email,
        template: String = "review_request", locale: ShopLocale = .de, subject: String? = nil,
        messageClass: MessageClass = .marketing, basis: ConsentBasis = .existingCustomer
    ) -> OutgoingMessage {
        OutgoingMessage(
            idempotencyKey: key, customerID: customer, flowID: "post_purchase", flowVersion: 1, stepID: "review",
            channel: channel, template: template, locale: locale, subject: subject, messageClass: messageClass,
            basis: basis, variant: nil, priority: 5, expectedValueMinor: 0, createdAt: now - 5)
    }

    /// Values for the shipped templates, German formatting.
    static let values: TemplateValue = [
        "shop": [
            "name": "Berg & Tal", "url": "https://shop.example", "support_email": "hilfe@shop.example",
            "address": "Hauptstraße 1, 80331 München", "signature": "Dein Berg-&-Tal-Team",
        ],
        "customer": ["first_name": "Jürgen"],
        "order": [
            "number": "1042", "total": "42,00 €", "delivery_window": "Di, 3.–Do, 5. März",
            "items": [["name": "Wanderschuh Alpin", "quantity": 1, "price": "42,00 €"]],
        ],
        "product": ["name": "Wanderschuh Alpin"],
        "links": ["review": "https://shop.example/r/1042"],
    ]

    static let unsubscribe: OutboxEnqueuer.UnsubscribeURL = { customer, channel in
        URL(string: "https://shop.example/u/\(customer)/\(channel.rawValue)?sig=abc")
    }

    static func enqueuer(_ store: any OutboxStore) throws -> OutboxEnqueuer {
        OutboxEnqueuer(templates: try MessageTemplates.bundled(), store: store, unsubscribeURL: unsubscribe)
    }

    static func configuration(
        worker: String = "w1", retry: OutboxRetryPolicy = OutboxRetryPolicy(maximumAttempts: 3, baseDelay: 60)
    ) -> OutboxDeliveryConfiguration {
        OutboxDeliveryConfiguration(
            from: MailAddress("shop@shop.example", name: "Berg & Tal"), bounceAddress: "bounces@shop.example",
            messageIDDomain: "mail.shop.example", workerID: worker, batchSize: 50, lease: 300, retry: retry,
            pollInterval: .milliseconds(20))
    }

    /// The header fields of a stored message (unfolded), by name.
    static func headers(_ bytes: [UInt8]) -> [String: String] {
        let text = String(decoding: bytes, as: UTF8.self)
        let head = text.components(separatedBy: "\r\n\r\n").first ?? ""
        var fields: [String: String] = [:]
        var last: String?
        for line in head.components(separatedBy: "\r\n") {
            if line.first == " " || line.first == "\t", let name = last {
                fields[name, default: ""] += line
            } else if let colon = line.firstIndex(of: ":") {
                let name = String(line[..<colon])
                fields[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                last = name
            }
        }
        return fields
    }
}

/// Collects what a worker reports (bounces), for assertions.
final class Collected<Value: Sendable>: Sendable {
    private let storage = Mutex<[Value]>([])
    func append(_ value: Value) { storage.withLock { $0.append(value) } }
    var values: [Value] { storage.withLock { $0 } }
}

/// An outbox whose recording of outcomes fails: the worker "crashes" after sending, before it records.
struct CrashBeforeRecording: OutboxStore {
    struct Crash: Error {}
    let base: InMemoryStore

    func enqueue(_ message: OutboxMessage) async throws -> OutboxEnqueued { try await base.enqueue(message) }
    func enqueue(_ messages: [OutboxMessage]) async throws -> [OutboxEnqueued] { try await base.enqueue(messages) }
    func storedOutboxKeys(_ keys: [String]) async throws -> Set<String> { try await base.storedOutboxKeys(keys) }
    func claimOutbox(owner: String, limit: Int, now: Date, leaseUntil: Date, channels: Set<OutboxChannel>)
        async throws -> [OutboxMessage]
    {
        try await base.claimOutbox(owner: owner, limit: limit, now: now, leaseUntil: leaseUntil, channels: channels)
    }
    func recordOutboxOutcomes(_ outcomes: [OutboxOutcome], owner: String, now: Date) async throws -> Int { throw Crash() }
    func outboxMessage(id: String) async throws -> OutboxMessage? { try await base.outboxMessage(id: id) }
    func outboxMessage(idempotencyKey: String) async throws -> OutboxMessage? {
        try await base.outboxMessage(idempotencyKey: idempotencyKey)
    }
    func outboxMessages(customerID: String) async throws -> [OutboxMessage] {
        try await base.outboxMessages(customerID: customerID)
    }
    func deadLetters(after: DeadLetterCursor?, limit: Int) async throws -> [OutboxMessage] {
        try await base.deadLetters(after: after, limit: limit)
    }
    func discardDeadLetter(id: String, now: Date) async throws -> Bool { try await base.discardDeadLetter(id: id, now: now) }
    func retryDeadLetter(id: String, now: Date) async throws -> Bool { try await base.retryDeadLetter(id: id, now: now) }
}
