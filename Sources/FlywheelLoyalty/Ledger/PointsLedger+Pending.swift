public import Foundation

extension PointsLedger {
    /// Makes the pending points `order` earned spendable: what is left of its lot (after refunds reversed from
    /// pending) moves from the customer's `pending` account to `available`. `source` must be a `release`
    /// event; releasing an order whose points are not pending applies without entries.
    public mutating func release(order: String, source: SourceEvent, reason: String, at: Date) -> LedgerOutcome {
        if hasApplied(source) { return .alreadyApplied }
        guard source.kind == .release else {
            return .rejected(.wrongSourceKind(expected: [.release], got: source.kind))
        }
        guard let earning = orders[order] else { return .rejected(.unknownOrder) }
        let entry = releaseLot(earning.lot, source: source, reason: reason, at: at)
        if entry == nil { markApplied(source) }
        journal?.append(SourceApplication(source: source, at: at, reference: order, releasesLot: earning.lot))
        return .applied(entries: entry.map { [$0] } ?? [], shortfall: 0)
    }

    /// Points `customer` holds in pending lots (orders whose return window is open).
    public func pendingPoints(of customer: String) -> Int64 {
        lotIDs(of: customer).reduce(0) { sum, id in
            let lot = lots[id.rawValue]
            return sum + (lot.isPending ? lot.remaining : 0)
        }
    }
}
