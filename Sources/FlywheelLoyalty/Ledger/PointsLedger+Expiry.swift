public import Foundation

extension PointsLedger {
    /// Expires `customer`'s whole spendable balance (every available lot, whatever its own expiry): the
    /// inactivity rule. Pending lots are left alone. `source` must be an `expiry` event.
    public mutating func expireBalance(customer: String, source: SourceEvent, reason: String, at: Date)
        -> LedgerOutcome
    {
        if hasApplied(source) { return .alreadyApplied }
        guard source.kind == .expiry else {
            return .rejected(.wrongSourceKind(expected: [.expiry], got: source.kind))
        }
        var appended: [LedgerEntry] = []
        for id in lotIDs(of: customer) {
            let lot = lots[id.rawValue]
            guard lot.remaining > 0, !lot.isPending else { continue }
            appended.append(take(lot.remaining, from: id, to: .expired, source: source, reason: reason, at: at))
        }
        markApplied(source)
        journal?.append(SourceApplication(source: source, at: at))
        return .applied(entries: appended, shortfall: 0)
    }
}
