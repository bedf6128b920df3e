import FlywheelCore
import FlywheelFlows
import FlywheelLoyalty
import Foundation

extension ServerFlowEffects {
    /// Records a skipped action on the report and the timeline.
    func skip(_ key: String, _ reason: String, scope: EnrolmentScope, run: inout EffectsRun) {
        run.report.skipped += 1
        run.report.reasons.append("\(key): \(reason)")
        run.timeline.append(scope.entry(.skipped, key: key, suffix: "not_done", at: now(), detail: reason))
    }

    /// Points through the loyalty programme, once per key; skipped (and logged) without a programme.
    func givePoints(_ points: Int, reason: String, key: String, scope: EnrolmentScope, run: inout EffectsRun)
        async throws
    {
        guard let loyalty else {
            logger.info("flow points not given: no loyalty programme runs", metadata: ["key": "\(key)"])
            return skip(key, "\(points) points not given: no loyalty programme runs", scope: scope, run: &run)
        }
        do {
            let applied = try await loyalty.giveFlowPoints(
                customer: scope.row.customerID, points: Int64(points), reason: reason, key: key, now: now())
            if applied { run.report.done += 1 } else { run.report.repeated += 1 }
        } catch let error as LoyaltyFlowPointsError {
            skip(key, error.description, scope: scope, run: &run)
        }
    }

    /// A coupon with a fresh code, stored once per key (the stored one when the key was issued before).
    func issueCoupon(_ spec: CouponSpec, key: String, scope: EnrolmentScope, run: inout EffectsRun) async throws
        -> IssuedCoupon?
    {
        if let stored = try await store.issuedCoupons(customerID: scope.row.customerID).first(where: { $0.key == key }) {
            run.report.repeated += 1
            return stored
        }
        let amount = spec.amountOffMinor.flatMap { minor in
            CurrencyCode(spec.currency ?? settings.currency.code).map { Money(minorUnits: minor, currency: $0) }
        }
        guard spec.percentOff != nil || amount != nil else {
            skip(key, "coupon not issued: neither a percentage nor an amount in a known currency", scope: scope, run: &run)
            return nil
        }
        let issuedAt = now()
        var generator = SystemRandomNumberGenerator()
        // A drawn code another customer holds is drawn again (≈ 3.3 billion codes per prefix).
        for _ in 0..<8 {
            let coupon = IssuedCoupon(
                code: Self.couponCode(prefix: spec.codePrefix, using: &generator), key: key, customerID: scope.row.customerID,
                percentOff: spec.percentOff, amountOff: amount, issuedAt: issuedAt,
                expiresAt: issuedAt.addingTimeInterval(TimeInterval(spec.validFor.seconds)), flowID: scope.row.flowID,
                enrolmentID: scope.row.id)
            do {
                let stored = try await store.issueCoupon(coupon)
                if stored.code == coupon.code { run.report.done += 1 } else { run.report.repeated += 1 }
                return stored
            } catch FlowEffectsStoreError.couponCodeTaken {
                continue
            }
        }
        skip(key, "coupon not issued: no free code in 8 draws", scope: scope, run: &run)
        return nil
    }

    /// A coupon code: the step's prefix (letters, digits, `-`, `_`; default `FLY`) written as is, then a
    /// `XXXX-####` draw (`WB-KQZB-4821`).
    static func couponCode(prefix: String?, using generator: inout some RandomNumberGenerator) -> String {
        let cleaned = (prefix ?? "").uppercased().filter {
            $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_")
        }
        return (cleaned.isEmpty ? "FLY" : cleaned) + "-" + couponDraw.generate(using: &generator)
    }

    /// The random part of a coupon code (24⁴ × 10⁴ ≈ 3.3 billion codes).
    static let couponDraw = CodePattern("XXXX-####")

    /// The tag on the customer (once: a tag held already stays as it was).
    func tagCustomer(_ tag: String, key: String, scope: EnrolmentScope, run: inout EffectsRun) async throws {
        let added = try await store.addCustomerTag(
            CustomerTag(customerID: scope.row.customerID, tag: tag, taggedAt: now(), source: key))
        if added { run.report.done += 1 } else { run.report.repeated += 1 }
    }

    /// A support ticket, once per key; its id is derived from the key, so a repeat finds the same ticket.
    func openTicket(_ spec: TicketSpec, key: String, scope: EnrolmentScope, run: inout EffectsRun) async throws
        -> SupportTicket
    {
        let ticket = SupportTicket(
            id: Self.ticketID(key: key), key: key, customerID: scope.row.customerID, topic: spec.topic,
            priority: SupportTicket.Priority(rawValue: spec.priority.rawValue) ?? .normal, orderID: scope.orderID,
            flowID: scope.row.flowID, openedAt: now())
        if let stored = try await store.supportTickets(customerID: scope.row.customerID).first(where: { $0.key == key }) {
            run.report.repeated += 1
            return stored
        }
        run.report.done += 1
        return try await store.openSupportTicket(ticket)
    }

    /// A ticket's id from its key: `T-` and 10 characters of the key's hash (a short reference a customer can
    /// quote).
    static func ticketID(key: String) -> String {
        let (high, _) = ExternalIDHash.hash(key)
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var value = high
        var id = "T-"
        for _ in 0..<10 {
            id.append(alphabet[Int(value & 31)])
            value >>= 5
        }
        return id
    }

    /// The webhook, signed, with the key as `Idempotency-Key`; a failure is recorded, not thrown.
    func callWebhook(_ spec: WebhookSpec, key: String, scope: EnrolmentScope, run: inout EffectsRun) async {
        guard let webhooks else {
            return skip(key, "webhook \(spec.event) not called: no webhook secret configured", scope: scope, run: &run)
        }
        let payload = FlowWebhookPayload(
            event: spec.event, idempotencyKey: key, customerID: scope.row.customerID, flowID: scope.row.flowID,
            flowVersion: scope.row.flowVersion, stepID: EnrolmentScope.stepID(of: key), enrolmentID: scope.row.id,
            orderID: scope.orderID, occurredAt: now())
        do {
            try await webhooks.call(url: spec.url, payload: payload)
            run.report.done += 1
        } catch {
            logger.warning("flow webhook failed", metadata: ["event": "\(spec.event)", "error": "\(error)"])
            run.report.failed += 1
            run.report.reasons.append("\(key): \(error)")
            run.timeline.append(
                scope.entry(.skipped, key: key, suffix: "failed", at: now(), detail: "webhook \(spec.event) failed: \(error)"))
        }
    }
}
