public import FlywheelCore
public import Foundation

extension PointsLedger {
    /// Reverses what `order` earned, pro rata to the money refunded, from the lot that order created.
    ///
    /// Rounding: after each refund the order has reversed `floor(earned × refundedSoFar ÷ orderAmount)`
    /// points, and everything once the refunds reach the order amount; so no refund reverses more than
    /// earned, and the last one reverses the remainder. Refunds beyond the order amount count as the full
    /// amount. If the lot was already (partly) spent, the ledger reverses what is left of it and records
    /// the rest as a `RefundShortfall` (also returned as the outcome's `shortfall`): it never takes points
    /// from other lots and never drives a balance below zero. `source` must be a `refund` event.
    public mutating func refund(
        order: String, amount: Money, source: SourceEvent, reason: String, at: Date
    ) -> LedgerOutcome {
        if hasApplied(source) { return .alreadyApplied }
        guard source.kind == .refund else {
            return .rejected(.wrongSourceKind(expected: [.refund], got: source.kind))
        }
        guard let slot = existingOrderSlot(order), var earning = orderEarnings[slot] else {
            return .rejected(.unknownOrder)
        }
        guard amount.currency == earning.currency else { return .rejected(.currencyMismatch) }
        guard amount.minorUnits > 0 else { return .rejected(.nonPositiveAmount) }

        let refunded = min(earning.amountMinor, earning.refundedMinor + min(amount.minorUnits, earning.amountMinor))
        let target: Int64
        if refunded >= earning.amountMinor {
            target = earning.earned
        } else {
            // Full-width product: points × minor units may exceed Int64.
            let product = earning.earned.multipliedFullWidth(by: refunded)
            target = earning.amountMinor.dividingFullWidth((product.high, product.low)).quotient
        }
        let due = target - earning.accountedPoints
        let reversible = min(due, lots[earning.lot.rawValue].remaining)
        var appended: [LedgerEntry] = []
        if reversible > 0 {
            appended.append(take(reversible, from: earning.lot, to: .reversed, source: source, reason: reason, at: at))
        }
        let shortfall = due - reversible
        if shortfall > 0 {
            recordShortfall(
                RefundShortfall(
                    refund: source, order: SourceEvent(.order, key: order), customer: earning.customer,
                    points: shortfall))
        }
        earning.refundedMinor = refunded
        earning.accountedPoints = target
        orderEarnings[slot] = earning
        markApplied(source)
        journal?.append(
            SourceApplication(
                source: source, at: at, reference: order, refundedMinor: refunded, accountedPoints: target,
                shortfall: max(0, shortfall)))
        return .applied(entries: appended, shortfall: shortfall)
    }
}
