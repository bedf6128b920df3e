import FlywheelCore
import FlywheelFlows
import FlywheelMessaging
import Foundation

extension ServerFlowEffects {
    /// Prepares one message for the batch's enqueue (`enqueuePendingSends`): skipped (timeline) when it cannot
    /// go to this customer; nothing new when its key was in the outbox when the batch began.
    func send(_ message: OutgoingMessage, scope: EnrolmentScope, run: inout EffectsRun) async throws {
        let key = message.idempotencyKey
        let at = now()
        func skip(_ reason: String) { Self.skip(message, scope: scope, at: at, reason: reason, run: &run) }
        if run.queuedKeys.contains(key) {
            run.report.repeated += 1
            return
        }
        guard let customer = try await customer(message.customerID, run: &run) else {
            return skip("the customer is not stored (erased, or not imported yet)")
        }
        let recipient: String
        switch message.channel {
        case .email:
            guard let email = customer.email?.trimmingCharacters(in: .whitespaces), !email.isEmpty else {
                return skip("no e-mail address")
            }
            recipient = email
        case .sms:
            // Customers carry no phone number yet (the record has none).
            return skip("no phone number")
        }
        if let cause = try await suppression(of: recipient, channel: message.channel),
            Self.blocks(cause, message.messageClass)
        {
            return skip("the address is suppressed (\(cause.rawValue))")
        }
        let values = try await values(for: message, customer: customer, scope: scope)
        run.pendingSends.append(
            EffectsRun.PendingSend(send: OutboxSend(message, recipient: recipient, values: values), scope: scope, at: at))
    }

    /// Renders and enqueues the batch's prepared messages in one outbox transaction
    /// (`OutboxEnqueuer.enqueueEach`): a message whose template does not render is skipped with a timeline entry
    /// and the others are stored; a key stored meanwhile counts as repeated.
    func enqueuePendingSends(_ run: inout EffectsRun) async throws {
        guard !run.pendingSends.isEmpty else { return }
        let pending = run.pendingSends
        run.pendingSends = []
        let outcomes = try await enqueuer.enqueueEach(pending.map(\.send))
        for (item, outcome) in zip(pending, outcomes) {
            let message = item.send.outgoing
            switch outcome {
            case .enqueued(let enqueued):
                if enqueued.isNew { run.report.done += 1 } else { run.report.repeated += 1 }
            case .alreadyQueued:
                run.report.repeated += 1
            case .notRendered(let error):
                logger.error(
                    "flow message not rendered",
                    metadata: ["flow": "\(message.flowID)", "step": "\(message.stepID)", "error": "\(error)"])
                Self.skip(
                    message, scope: item.scope, at: item.at,
                    reason: "template \(message.template) (\(message.locale.rawValue)) does not render: \(error)", run: &run)
            case .invalid(let error):
                Self.skip(message, scope: item.scope, at: item.at, reason: "the message cannot be queued: \(error)", run: &run)
            }
        }
    }

    /// Counts a message as skipped, with the reason in the report and on the customer's timeline (keyed by the
    /// send, so a repeated batch writes it once).
    static func skip(_ message: OutgoingMessage, scope: EnrolmentScope, at: Date, reason: String, run: inout EffectsRun) {
        let key = message.idempotencyKey
        run.report.skipped += 1
        run.report.reasons.append("\(key): \(reason)")
        run.timeline.append(
            scope.entry(
                .skipped, key: key, suffix: "undelivered", at: at, messageID: key,
                detail: message.channel.rawValue + " not delivered: " + reason))
    }

    /// The customer, read once per batch.
    func customer(_ id: String, run: inout EffectsRun) async throws -> Customer? {
        if let known = run.customers[id] { return known }
        let customer = try await store.customer(externalID: id)
        run.customers[id] = .some(customer)
        return customer
    }

    /// The suppression cause of an address on the message's channel, if any.
    private func suppression(of address: String, channel: Channel) async throws -> SuppressionCause? {
        let consentChannel: ConsentChannel = channel == .email ? .email : .sms
        return try await store.suppression(
            channel: consentChannel, addressHash: AddressDigest.of(address, channel: consentChannel))?.cause
    }

    /// Whether a suppression stops a message of this class: unsubscribed stops marketing; an objection or
    /// complaint stops service too; a hard bounce or erasure stops everything (docs/flows.md).
    static func blocks(_ cause: SuppressionCause, _ messageClass: MessageClass) -> Bool {
        switch messageClass {
        case .marketing: cause.strength >= 1
        case .service: cause.strength >= 2
        case .transactional: cause.strength >= 3
        }
    }

    /// The template values of a message, built as `flywheel flows preview` builds them: the customer's first
    /// name, the enrolment's order (else the customer's last) with its lines, total and delivery window, the
    /// abandoned cart (lines, total, the shop's link back to it) when the enrolment entered on one,
    /// points and tier when a programme runs, the enrolment's coupon and ticket, and the links (signed
    /// preference link; the enqueuer adds the unsubscribe link and the objection notice where the class needs
    /// them).
    func values(for message: OutgoingMessage, customer: Customer, scope: EnrolmentScope) async throws -> TemplateValue {
        let calendar = settings.calendar
        var order: Order?
        if let id = scope.orderID { order = try await store.order(externalID: id) }
        if order == nil { order = try await store.orders(customerExternalID: customer.externalID).last }
        var shipments: [Shipment] = []
        if let order { shipments = try await store.shipments(orderExternalID: order.externalID) }
        var context = MessageContext(
            shop: shop, customer: customer, order: order, shipments: shipments, locale: message.locale,
            calendar: calendar, deliveryDays: deliveryDays)
        var links = FlowPreview.links(shop: shop, order: order?.externalID)
        links["unsubscribe"] = nil
        if message.messageClass == .transactional {
            links["preferences"] = nil
        } else {
            links["preferences"] = self.links.preferences(customer: customer.externalID, now: now()).absoluteString
        }
        // The delivery check-in's yes / no: signed answer links (`/c/answer`) the flow's wait hears.
        links["check_in_ok"] = self.links.answer(
            customer: customer.externalID, orderID: order?.externalID, answer: "yes", now: now()).absoluteString
        links["check_in_problem"] = self.links.answer(
            customer: customer.externalID, orderID: order?.externalID, answer: "no", now: now()).absoluteString
        context.links = links
        if let cartID = scope.cartID, let checkout = try await store.checkout(externalID: cartID) {
            context.show(cart: checkout, locale: message.locale)
        }
        if let loyalty {
            let account = try await loyalty.account(of: customer.externalID, now: now())
            context.points = Self.points(account, programme: loyalty, locale: message.locale, calendar: calendar)
            context.tierName = account.tier?.name
        }
        let coupon = try await coupon(of: scope, customerID: customer.externalID)
        if let coupon {
            context.offer = MessageContext.Offer(
                percentOff: coupon.percentOff, amountOff: coupon.amountOff, code: coupon.code,
                lastDay: calendar.localDate(of: coupon.expiresAt.addingTimeInterval(-1)), locale: message.locale)
        }
        if let ticket = try await ticket(of: scope, customerID: customer.externalID) {
            context.ticketReference = ticket.id
        }
        return context.values
    }

    /// The enrolment's latest coupon: the one this round issued, else one stored by an earlier step.
    private func coupon(of scope: EnrolmentScope, customerID: String) async throws -> IssuedCoupon? {
        if let coupon = scope.coupon { return coupon }
        return try await store.issuedCoupons(customerID: customerID).last { $0.enrolmentID == scope.row.id }
    }

    /// The enrolment's latest support ticket (its reference goes into a make-it-right acknowledgement).
    private func ticket(of scope: EnrolmentScope, customerID: String) async throws -> SupportTicket? {
        if let ticket = scope.ticket { return ticket }
        let prefix = scope.row.id + "/"
        return try await store.supportTickets(customerID: customerID).last { $0.key.hasPrefix(prefix) }
    }

    /// The points part of a message: balance, what it is worth, and the next expiry.
    static func points(
        _ account: LoyaltyAccount, programme loyalty: LoyaltyService, locale: ShopLocale, calendar: ShopCalendar
    ) -> MessageContext.Points {
        let format = MessageFormat(locale)
        let pointValue = loyalty.programme.pointValue
        let currency = CurrencyCode(loyalty.programme.currency)
        let worth = { (points: Int64) in
            currency.map { format.money(Money(minorUnits: pointValue.value(of: points), currency: $0)) }
        }
        var points = MessageContext.Points(balance: Int(account.available), value: worth(account.available))
        if let next = account.expiringNext {
            points.expiring = Int(next.points)
            points.expiryDate = format.date(calendar.localDate(of: next.at))
            points.expiringValue = worth(next.points)
        }
        return points
    }
}
