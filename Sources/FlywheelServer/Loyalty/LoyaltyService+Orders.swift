public import FlywheelCore
public import FlywheelLoyalty
public import Foundation

extension LoyaltyService: IngestObserver {
    /// Awards the batch's orders, then reverses its refunds. A failure is logged and the batch kept for
    /// `runDue` to retry; the batch itself stays stored (exactly once makes every retry safe).
    public func stored(_ batch: IngestBatch, counts: IngestCounts, now: Date) async {
        guard !batch.orders.isEmpty || !batch.refunds.isEmpty else { return }
        do {
            try await apply(batch)
        } catch {
            logger.error("loyalty: a stored batch was not applied; retried later", metadata: ["error": "\(type(of: error))"])
            retries.add(batch)
        }
    }

    /// Applies a batch's orders (earning) then its refunds (reversal).
    func apply(_ batch: IngestBatch) async throws {
        for order in batch.orders { _ = try await award(order) }
        for refund in batch.refunds { _ = try await reverse(refund) }
    }

    /// Awards what `order` earns (nil when it earns nothing here: a guest, cancelled, before the programme,
    /// another currency, zero points): the earning rules on its lines net of discounts, the customer's tier
    /// multiplier before it, pending while the return window is open, the lot's expiry. Keyed by the order
    /// id: a second call (a retry, a re-delivery, the catch-up) answers `.alreadyApplied`. The programme's
    /// launch bonus comes with a customer's first order in the same transaction.
    @discardableResult
    public func award(_ order: Order) async throws -> LedgerOutcome? {
        guard let customer = order.customerExternalID, order.cancelledAt == nil, order.currency == currency,
            order.placedAt >= programme.effectiveFrom, order.totalMinor > 0
        else { return nil }
        try await attributeFromDiscounts(order)
        let multiplier = try await tierMultiplier(of: customer, before: order)
        let birthday = try await store.customer(externalID: customer)?.birthday
        let context = EarningContext(calendar: calendar, tierMultiplier: multiplier, birthday: birthday)
        guard let earned = try? programme.earning.points(for: order, context: context), earned.total > 0 else {
            return nil
        }
        let pending = (programme.returnWindowDays ?? 0) > 0
        let expiresAt = lotExpiry(earnedAt: order.placedAt)
        let launch = launchBonus(at: order.placedAt)
        return try await store.withPointsLedger(customer: customer) { ledger in
            if let launch {
                _ = ledger.earn(
                    customer: customer, points: launch.points, source: launch.source, reason: "launch bonus",
                    at: order.placedAt, expiresAt: expiresAt)
            }
            return ledger.earn(
                customer: customer, points: earned.total, source: SourceEvent(.order, key: order.externalID),
                reason: "order", at: order.placedAt, expiresAt: expiresAt, orderAmount: order.total, pending: pending)
        }
    }

    /// Reverses, pro rata, what `refund`'s order earned (keyed by the refund id); on the refund that makes the
    /// order fully refunded, hands back the points of loyalty codes the order used. Nil when the order is not
    /// stored or has no customer.
    @discardableResult
    public func reverse(_ refund: Refund) async throws -> LedgerOutcome? {
        guard refund.amountMinor > 0, let order = try await store.order(externalID: refund.orderExternalID),
            let customer = order.customerExternalID
        else { return nil }
        let refunded = try await store.refunds(orderExternalID: order.externalID).reduce(Int64(0)) { $0 + $1.amountMinor }
        let fully = refunded >= order.totalMinor
        let codes = order.discounts.map(\.code)
        let expiresAt = lotExpiry(earnedAt: refund.createdAt)
        return try await store.withPointsLedger(customer: customer) { ledger in
            let outcome = ledger.refund(
                order: order.externalID, amount: Money(minorUnits: refund.amountMinor, currency: refund.currency),
                source: SourceEvent(.refund, key: refund.externalID), reason: "refund", at: refund.createdAt)
            guard fully else { return outcome }
            for code in codes {
                let redemption = SourceEvent(.redemption, key: code)
                guard ledger.hasApplied(redemption) else { continue }
                let spent = ledger.entries.reduce(Int64(0)) { $0 + ($1.source == redemption ? $1.points : 0) }
                guard spent > 0 else { continue }
                _ = ledger.handBack(
                    customer: customer, points: spent, redemption: redemption,
                    source: SourceEvent(.handBack, key: code), reason: "code handed back: order refunded",
                    at: refund.createdAt, expiresAt: expiresAt)
            }
            return outcome
        }
    }

    /// The launch bonus source and points, if the programme gives one.
    func launchBonus(at: Date) -> (source: SourceEvent, points: Int64)? {
        guard programme.launchBonusPoints > 0 else { return nil }
        return (SourceEvent(.bonus, key: "launch:\(programme.id)"), programme.launchBonusPoints)
    }

    /// The customer's tier multiplier before `order`: 1× unless some tier multiplies (then derived from the
    /// customer's stored orders and refunds before it, see `tierReplay`).
    func tierMultiplier(of customer: String, before order: Order) async throws -> Multiplier {
        guard let settings = programme.tiers, settings.tiers.contains(where: { $0.perks.earningMultiplier != .one })
        else { return .one }
        let replay = try await tierReplay(of: customer, before: order.placedAt, excluding: order.externalID)
        return replay.tier(of: customer)?.perks.earningMultiplier ?? .one
    }
}
