public import FlywheelAutomation
public import FlywheelCore
import FlywheelFlows
public import FlywheelMessaging
public import Foundation
public import Logging

/// What flows decided, done for real in the server: the `FlowEffects` the durable scheduler hands each
/// batch's outward actions to.
///
/// - `.send`: the recipient from the store, the template values as `flywheel flows preview` builds them (first
///   name, the entry order with its lines and delivery window, points and tier when a programme runs, a
///   coupon or ticket of the same enrolment, links), rendered and enqueued in the outbox under the send's
///   idempotency key (`OutboxEnqueuer`, with the signed unsubscribe link) — the whole batch's messages at the
///   end of the batch, in one outbox transaction (`OutboxEnqueuer.enqueueEach`), after one lookup of the keys
///   already queued.
/// - `.givePoints` → `LoyaltyService.giveFlowPoints` (ledger source `bonus` `flow:<key>`); `.issueCoupon` → a
///   code drawn from a `CodePattern`, stored once per key; `.tagCustomer` → the customer's tags; `.openTicket`
///   → a support ticket, once per key; `.callWebhook` → a signed POST (`FlowWebhookCaller`).
///
/// Exactly once out of at-least-once in: every write is keyed by the action's idempotency key, so the same
/// batch again (the scheduler re-ran a step after a crash) stores and sends nothing new. What cannot be done
/// for one customer — no address, erased, suppressed, a template that does not render, a webhook that
/// fails — is skipped with a timeline entry saying why and does not stop the rest of the batch. Only store
/// errors are thrown (the scheduler retries the whole batch later, which repeats nothing that was done).
/// See docs/flows.md, "Effects".
public struct ServerFlowEffects: FlowEffects {
    let store: any FlywheelStore
    let outbox: any OutboxStore
    let enqueuer: OutboxEnqueuer
    let links: CustomerLinkURLs
    let shop: MessageContext.Shop
    let settings: ShopSettings
    let loyalty: LoyaltyService?
    let webhooks: FlowWebhookCaller?
    /// The shop's usual delivery time: the window a message restates when no shipment promised a date.
    let deliveryDays: DeliveryDays?
    let logger: Logger
    let now: @Sendable () -> Date

    /// Effects over `store` (records, tags, tickets, coupons, timeline) and `outbox`, rendering with
    /// `templates`. `links` signs the unsubscribe and preference links; `loyalty` is the programme, if one
    /// runs (else points are skipped with a logged reason); `webhooks` calls `call_webhook` steps (without
    /// one they are skipped); `deliveryDays` give the delivery window of an order no shipment promised yet.
    public init(
        store: any FlywheelStore, outbox: any OutboxStore, templates: MessageTemplates, links: CustomerLinkURLs,
        shop: MessageContext.Shop, settings: ShopSettings, loyalty: LoyaltyService?, webhooks: FlowWebhookCaller?,
        deliveryDays: DeliveryDays? = nil, logger: Logger = Logger(label: "flywheel.flows.effects"), now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.outbox = outbox
        self.links = links
        self.shop = shop
        self.settings = settings
        self.loyalty = loyalty
        self.webhooks = webhooks
        self.deliveryDays = deliveryDays
        self.logger = logger
        self.now = now
        // Opens (pixel) and clicks (signed redirects) of the HTML part are tracked (docs/flows.md, "Measurement").
        self.enqueuer = OutboxEnqueuer(
            templates: templates, store: outbox,
            unsubscribeURL: { customer, channel in
                links.unsubscribe(customer: customer, channel: channel == .email ? .email : .sms, now: now())
            },
            tracking: links.trackingLinks(now: now))
    }

    public func perform(_ batch: [EnrolmentEffects]) async throws {
        let report = try await performReporting(batch)
        if report.skipped > 0 || report.failed > 0 {
            logger.notice(
                "flow effects: some actions skipped",
                metadata: ["done": "\(report.done)", "repeated": "\(report.repeated)", "skipped": "\(report.skipped)"])
        }
    }

    /// Performs the batch and says what became of each action.
    public func performReporting(_ batch: [EnrolmentEffects]) async throws -> FlowEffectsReport {
        var run = EffectsRun()
        let sendKeys = batch.flatMap { item in
            item.actions.compactMap { action -> String? in
                guard case .send(let message) = action else { return nil }
                return message.idempotencyKey
            }
        }
        if !sendKeys.isEmpty { run.queuedKeys = try await outbox.storedOutboxKeys(sendKeys) }
        for item in batch {
            var scope = EnrolmentScope(item.enrolment)
            for action in item.actions {
                try await perform(action, scope: &scope, run: &run)
            }
        }
        try await enqueuePendingSends(&run)
        if !run.timeline.isEmpty { try await store.appendTimeline(run.timeline) }
        return run.report
    }

    private func perform(_ action: FlowAction, scope: inout EnrolmentScope, run: inout EffectsRun) async throws {
        switch action {
        case .send(let message):
            try await send(message, scope: scope, run: &run)
        case .givePoints(let points, let reason, let key):
            try await givePoints(points, reason: reason, key: key, scope: scope, run: &run)
        case .issueCoupon(let spec, let key):
            scope.coupon = try await issueCoupon(spec, key: key, scope: scope, run: &run)
        case .tagCustomer(let tag, let key):
            try await tagCustomer(tag, key: key, scope: scope, run: &run)
        case .openTicket(let spec, let key):
            scope.ticket = try await openTicket(spec, key: key, scope: scope, run: &run)
        case .callWebhook(let spec, let key):
            await callWebhook(spec, key: key, scope: scope, run: &run)
        case .schedule, .skip, .exit:
            return  // the scheduler's own business
        }
    }
}
