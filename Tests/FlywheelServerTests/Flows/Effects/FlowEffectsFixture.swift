import FlywheelAutomation
import FlywheelCore
import FlywheelFlows
import FlywheelLoyalty
import FlywheelMessaging
import FlywheelServer
import FlywheelStore
import Foundation
import Testing

/// A shop for the flow-effects tests on one engine: Jürgen (German, with e-mail) and a customer without an
/// address, each with an order; the seeds' loyalty programme; `ServerFlowEffects` over the store.
struct FlowEffectsFixture {
    enum Engine: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case memory, sqlite
        var testDescription: String { rawValue }
    }

    let store: any FlywheelStore
    let outbox: any OutboxStore
    let effects: ServerFlowEffects
    let loyalty: LoyaltyService
    let now: Date

    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18
    static let settings = ShopSettings(
        name: "Bergkaffee", currency: .eur, timeZoneIdentifier: "Europe/Berlin", defaultLocale: .de)
    static let links = CustomerLinkURLs(
        signer: CustomerLinkSigner(secret: Data("flow-effects-test-link-secret-0123456789".utf8)),
        baseURL: URL(string: "https://flywheel.shop.example")!)

    /// Runs `body` on a new shop of `engine`, with the programme unless `programme` is false; the effects
    /// write to the engine's outbox through `outbox` (e.g. a `CountingOutbox` around it).
    static func with(
        _ engine: Engine, programme: Bool = true, webhooks: FlowWebhookCaller? = nil,
        outbox wrap: (any OutboxStore) -> any OutboxStore = { $0 },
        _ body: (FlowEffectsFixture) async throws -> Void
    ) async throws {
        switch engine {
        case .memory:
            let store = InMemoryStore()
            try await run(store: store, outbox: wrap(store), programme: programme, webhooks: webhooks, body)
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flow-effects-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let store = try SQLiteStore(path: folder.appendingPathComponent("flywheel.sqlite").path)
            do {
                try await run(store: store, outbox: wrap(store), programme: programme, webhooks: webhooks, body)
            } catch {
                try? store.close()
                throw error
            }
            try store.close()
        }
    }

    private static func run(
        store: any FlywheelStore, outbox: any OutboxStore, programme: Bool, webhooks: FlowWebhookCaller?,
        _ body: (FlowEffectsFixture) async throws -> Void
    ) async throws {
        try await store.migrate()
        try await store.saveShopSettings(settings)
        let placed = now.addingTimeInterval(-3_600)
        _ = try await store.ingest(
            IngestBatch(
                customers: [
                    Customer(
                        externalID: "c-1", email: "juergen@example.de", firstName: "Jürgen", locale: .de,
                        createdAt: placed),
                    Customer(externalID: "c-2", firstName: "Ohne", locale: .de, createdAt: placed),
                ],
                orders: [
                    Order(
                        externalID: "1001", customerExternalID: "c-1", placedAt: placed, currency: .eur,
                        lineItems: [LineItem(sku: "ESP-1", title: "Espresso-Bohnen 1 kg", quantity: 2, totalMinor: 3_180)],
                        subtotalMinor: 3_180, totalMinor: 3_180),
                    Order(
                        externalID: "1002", customerExternalID: "c-2", placedAt: placed, currency: .eur,
                        subtotalMinor: 1_000, totalMinor: 1_000),
                ]))
        let url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/programmes/seeds-default.json")
        let loyalty = LoyaltyService(
            programme: try Programme.load(from: Data(contentsOf: url)), store: store, calendar: settings.calendar,
            referralSecret: "referral-secret", referralBase: URL(string: "https://shop.example/")!)
        let effects = ServerFlowEffects(
            store: store, outbox: outbox, templates: try MessageTemplates.bundled(), links: links,
            shop: MessageContext.Shop(name: "Bergkaffee", url: "https://bergkaffee.example"), settings: settings,
            loyalty: programme ? loyalty : nil, webhooks: webhooks, now: { now })
        try await body(FlowEffectsFixture(store: store, outbox: outbox, effects: effects, loyalty: loyalty, now: now))
    }

    /// The test flow: points, a coupon, a tag, a ticket, then the birthday e-mail (marketing) — entered by
    /// the customer's order.
    static let flow = """
        {"id": "effects_test", "name": "Effects test", "version": 1, "message_class": "marketing",
         "trigger": {"event": "order_placed"},
         "steps": [
           {"id": "points", "give_points": {"points": 50, "reason": "thanks"}, "next": "coupon"},
           {"id": "coupon", "issue_coupon": {"percent_off": 10, "valid_for": "P14D", "code_prefix": "DANKE"}, "next": "tag"},
           {"id": "tag", "tag_customer": {"tag": "thanked"}, "next": "ticket"},
           {"id": "ticket", "open_ticket": {"topic": "follow_up", "priority": "high"}, "next": "mail"},
           {"id": "mail", "send_email": {"template": "birthday", "subject": {"de": "Danke!", "en": "Thanks!"},
                                         "own_similar_goods": true}}
         ]}
        """

    /// A stored enrolment of the test flow for `customer`, entered by `order`.
    static func enrolment(_ id: String, customer: String, order: String) throws -> StoredEnrolment {
        let definition = try FlowDocument.parse(Data(flow.utf8), name: "effects_test").get()
        let program = try FlowProgram(definition)
        let event = FlowEvent(
            customerID: customer, occurredAt: now,
            trigger: .orderPlaced(orderID: order, number: 1, total: Money(minorUnits: 3_180, currency: .eur)))
        let enrolment = Enrolment(id: id, program: program, entry: event)
        return StoredEnrolment(
            id: id, customerID: customer, flowID: "effects_test", flowVersion: 1, entryKey: "effects_test/\(customer)/\(order)",
            state: enrolment.snapshot(), dueAt: now, createdAt: now, updatedAt: now)
    }

    /// A send of the test flow.
    static func message(
        key: String, customer: String, template: String = "birthday", messageClass: MessageClass = .marketing,
        channel: Channel = .email
    ) -> OutgoingMessage {
        OutgoingMessage(
            idempotencyKey: key, customerID: customer, flowID: "effects_test", flowVersion: 1,
            stepID: EnrolmentKey.step(of: key), channel: channel, template: template, locale: .de,
            subject: channel == .email ? "Danke!" : nil, messageClass: messageClass,
            basis: messageClass == .transactional ? .notNeeded : .existingCustomer, variant: nil, priority: 50,
            expectedValueMinor: 0, createdAt: now)
    }

    /// The whole step list of the test flow as actions, keyed as the runner keys them.
    static func actions(enrolment id: String, customer: String) -> [FlowAction] {
        [
            .givePoints(points: 50, reason: "thanks", key: "\(id)/points/1"),
            .issueCoupon(CouponSpec(percentOff: 10, validFor: FlowDuration(seconds: 14 * 86_400), codePrefix: "DANKE"), key: "\(id)/coupon/2"),
            .tagCustomer("thanked", key: "\(id)/tag/3"),
            .openTicket(TicketSpec(topic: "follow_up", priority: .high), key: "\(id)/ticket/4"),
            .send(message(key: "\(id)/mail/5", customer: customer)),
        ]
    }
}

/// The step id inside an effect key (`enr/step/n`).
enum EnrolmentKey {
    static func step(of key: String) -> String { String(key.split(separator: "/")[1]) }
}
