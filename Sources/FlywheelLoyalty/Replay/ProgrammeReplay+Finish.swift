public import Foundation

extension ProgrammeReplay {
    /// Brings everything up to `at`: releases pending points whose window closed, expires inactive balances
    /// and lots past their expiry, expires unused codes, applies tier period ends and grace periods and
    /// anniversary badges; then summarises.
    public mutating func finish(at: Date) -> ReplaySummary {
        releaseDue(at: at)
        settleReferrals(at: at)
        for index in customerIDs.indices {
            expireIfInactive(index, by: at)
            if let rules = tierRules { _ = rules.handle(.advance(to: at), state: &tierStates[index]) }
            if !programme.badges.isEmpty {
                for badge in badgeTrackers[index].advance(to: at, badges: programme.badges) {
                    award(index, badge.points, key: "\(badge.key):\(customerIDs[index])", reason: "badge", at: badge.at)
                }
            }
        }
        _ = ledger.expire(
            source: SourceEvent(.expiry, key: "run:\(at.timeIntervalSince1970)"), reason: "expired", at: at)
        _ = rewardBook.expireCodes(at: at)
        return summary(at: at)
    }

    /// The figures so far, with the liability at `at`.
    public func summary(at: Date) -> ReplaySummary {
        var tierCounts: [String: Int] = [:]
        if let rules = tierRules {
            for state in tierStates { tierCounts[rules.tier(of: state)?.id ?? "", default: 0] += 1 }
        }
        let issued = ledger.lots.reduce(Int64(0)) { $0 + ($1.source.kind == .handBack ? 0 : $1.earned) }
        let open = ledger.lots.reduce(Int64(0)) { $0 + $1.remaining }
        let used = rewardBook.codes.count { if case .used = $0.status { true } else { false } }
        return ReplaySummary(
            orders: orders, skippedOrders: skippedOrders, refunds: refunds, pointsIssued: issued,
            pointsRedeemed: ledger.balance(of: .redeemed), pointsReversed: ledger.balance(of: .reversed),
            pointsExpired: ledger.balance(of: .expired), pointsOpen: open, codesIssued: rewardBook.codes.count,
            codesUsed: used, redemptionsRefused: redemptionsRefused, membershipFeesMinor: feesMinor,
            memberOrders: memberOrders, memberSavingsMinor: memberSavingsMinor, tierCounts: tierCounts,
            liability: liability(at: at))
    }
}
