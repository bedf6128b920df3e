public import Foundation

extension PointsLedger {
    /// Where imported points go when they leave a customer.
    public enum ImportedTake: String, Hashable, Sendable {
        /// Spent on a reward at the provider (to `redeemed`).
        case spent
        /// Expired at the provider (to `expired`).
        case expired
        /// Taken back to reconcile with the provider's balance (to `programme`).
        case deducted

        var account: LedgerAccount {
            switch self {
            case .spent: .redeemed
            case .expired: .expired
            case .deducted: .programme
            }
        }
    }

    /// Takes up to `points` of `customer`'s spendable points, first-expiring-first, for a movement imported
    /// from another provider (`as`: spent, expired or deducted). `source` must be an `import` event.
    ///
    /// History exports are not always complete (they may start after the points they spend were earned), so
    /// it takes what there is rather than refuse: the outcome's `shortfall` is what it could not take. The
    /// source is recorded as applied even when nothing could be taken, so a re-import never takes it later.
    public mutating func takeImported(
        customer: String, points: Int64, as take: ImportedTake, source: SourceEvent, reason: String, at: Date
    ) -> LedgerOutcome {
        if hasApplied(source) { return .alreadyApplied }
        guard source.kind == .imported else {
            return .rejected(.wrongSourceKind(expected: [.imported], got: source.kind))
        }
        guard points > 0 else { return .rejected(.nonPositivePoints(points)) }
        let taken = min(points, spendablePoints(of: customer, at: at))
        guard taken > 0 else {
            markApplied(source)
            journal?.append(SourceApplication(source: source, at: at))
            return .applied(entries: [], shortfall: points)
        }
        let outcome = spend(customer: customer, points: taken, to: take.account, source: source, reason: reason, at: at)
        guard case .applied(let entries, _) = outcome else { return outcome }
        return .applied(entries: entries, shortfall: points - taken)
    }
}
