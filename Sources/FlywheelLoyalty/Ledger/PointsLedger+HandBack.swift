public import Foundation

extension PointsLedger {
    /// Hands back `points` a redemption spent, as a new lot for `customer` (debiting `redeemed`): used when
    /// the order that used the redemption's code was fully refunded. At most what the redemption spent, less
    /// earlier hand-backs for it, can be handed back. `source` must be a `handBack` event.
    public mutating func handBack(
        customer: String, points: Int64, redemption: SourceEvent, source: SourceEvent, reason: String, at: Date,
        expiresAt: Date? = nil
    ) -> LedgerOutcome {
        if hasApplied(source) { return .alreadyApplied }
        guard source.kind == .handBack else {
            return .rejected(.wrongSourceKind(expected: [.handBack], got: source.kind))
        }
        guard redemption.kind == .redemption, hasApplied(redemption) else { return .rejected(.unknownRedemption) }
        guard points > 0 else { return .rejected(.nonPositivePoints(points)) }
        let left = redeemedBySource[redemption, default: 0]
        guard points <= left else {
            return .rejected(.handBackExceedsRedeemed(requested: points, redeemed: left))
        }
        redeemedBySource[redemption] = left - points
        let entry = addLot(
            customer: customer, points: points, from: .redeemed, source: source, reason: reason, at: at,
            expiresAt: expiresAt)
        journal?.append(SourceApplication(source: source, at: at, reference: redemption.key))
        return .applied(entries: [entry], shortfall: 0)
    }
}
