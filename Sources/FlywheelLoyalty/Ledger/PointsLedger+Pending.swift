public import Foundation

extension PointsLedger {
    /// Makes the pending points `order` earned spendable: what is left of its lot (after refunds reversed from
    /// pending) moves from the customer's `pending` account to `available`. `source` must be a `release`
    /// event; releasing an order whose points are not pending applies without entries.
    public mutating func release(order: String, source: SourceEvent, reason: String, at: Date) -> LedgerOutcome {
        // One lookup of the order: its `released` flag is the exactly-once mark of a release keyed by it.
        let keyedByOrder = source.key == order && source.kind == .release
        let slot = existingOrderSlot(order)
        if keyedByOrder, let slot, orderEarnings[slot]?.released == true { return .alreadyApplied }
        if !keyedByOrder, hasApplied(source) { return .alreadyApplied }
        guard source.kind == .release else {
            return .rejected(.wrongSourceKind(expected: [.release], got: source.kind))
        }
        guard let slot, orderEarnings[slot] != nil else { return .rejected(.unknownOrder) }
        let entry = release(slot: slot, source: source, reason: reason, at: at, keyedByOrder: keyedByOrder)
        journal?.append(
            SourceApplication(source: source, at: at, reference: order, releasesLot: orderEarnings[slot]?.lot))
        return .applied(entries: entry.map { [$0] } ?? [], shortfall: 0)
    }

    /// The replay's fast path of `release(order:…)` for order `slot` (which earned), no lookup.
    @discardableResult
    mutating func release(slot: Int, source: SourceEvent, reason: String, at: Date, keyedByOrder: Bool = true)
        -> LedgerEntry?
    {
        guard let lot = orderEarnings[slot]?.lot else { return nil }
        let entry = releaseLot(lot, source: source, reason: reason, at: at)
        if keyedByOrder {
            orderEarnings[slot]?.released = true
        } else if entry == nil || !keepsEntries {
            markApplied(source)
        }
        return entry
    }

    /// Points `customer` holds in pending lots (orders whose return window is open).
    public func pendingPoints(of customer: String) -> Int64 {
        lotIDs(of: customer).reduce(0) { sum, id in
            let lot = lots[id.rawValue]
            return sum + (lot.isPending ? lot.remaining : 0)
        }
    }
}
