public import Foundation

extension ProgrammeReplay {
    /// Brings everything up to `at`: releases pending points whose window closed, expires inactive balances
    /// and lots past their expiry, expires unused codes, applies tier period ends and grace periods and
    /// anniversary badges; then summarises.
    public mutating func finish(at: Date) -> ReplaySummary {
        releaseDue(at: at)
        settleReferrals(at: at)
        for index in members.indices {
            expireIfInactive(index, by: at)
            if let rules = tierRules { _ = rules.handle(.advance(to: at), state: &members[index].tier) }
            if !programme.badges.isEmpty {
                for badge in members[index].badges.advance(to: at, badges: programme.badges) {
                    award(
                        index, badge.points, key: "\(badge.key):\(members[index].id)", reason: "badge", at: badge.at,
                        rule: \.badges)
                }
            }
        }
        ledger.expireLots(
            source: SourceEvent(.expiry, key: "run:\(at.timeIntervalSince1970)"), reason: "expired", at: at)
        _ = rewardBook.expireCodes(at: at)
        return summary(at: at)
    }

    /// The figures so far, with the liability at `at`.
    public func summary(at: Date) -> ReplaySummary {
        var tierCounts: [String: Int] = [:]
        var tierChanges: [String: Int] = [:]
        if let rules = tierRules {
            for state in members.lazy.map(\.tier) {
                tierCounts[rules.tier(of: state)?.id ?? "", default: 0] += 1
                for change in state.history { tierChanges[change.kind.rawValue, default: 0] += 1 }
            }
        }
        var issued: Int64 = 0
        var open: Int64 = 0
        var byRule = self.issued
        for lot in ledger.lots {
            if lot.source.kind != .handBack { issued += lot.earned }
            if lot.source.kind == .referral { byRule.referrals += lot.earned }
            open += lot.remaining
        }
        var used = 0
        var expired = 0
        for code in rewardBook.codes {
            switch code.status {
            case .used: used += 1
            case .expired: expired += 1
            case .issued: break
            }
        }
        return ReplaySummary(
            members: members.count, orders: orders, skippedOrders: skippedOrders, refunds: refunds,
            pointsIssued: issued, issuedByRule: byRule,
            pointsRedeemed: ledger.balance(of: .redeemed), pointsReversed: ledger.balance(of: .reversed),
            pointsExpired: ledger.balance(of: .expired), pointsOpen: open, codesIssued: rewardBook.codes.count,
            codesUsed: used, codesExpired: expired, redemptionsRefused: redemptionsRefused,
            membershipFeesMinor: feesMinor,
            memberOrders: memberOrders, memberSavingsMinor: memberSavingsMinor, tierCounts: tierCounts,
            tierChanges: tierChanges,
            liability: liability(at: at))
    }
}
