import FlywheelCore

extension ReplaySummary {
    /// The shard (0 ..< `shards`) a customer's events go to when a replay is split by customer: a stable
    /// function of the id alone (`ExternalIDHash`), the same in every process.
    public static func shard(of customer: String, shards: Int) -> Int {
        precondition(shards > 0, "at least one shard")
        return Int(ExternalIDHash.hash(customer).low % UInt64(shards))
    }

    /// The summary of one replay over all customers, from replays of disjoint sets of customers (each
    /// customer's events all in one part, `shard(of:shards:)`), all finished at the same instant.
    ///
    /// Exact when no event links two customers: a programme replayed on a shop's history (orders, refunds,
    /// customers) qualifies; referrals (a friend's order rewards the referrer) do not, so replays with
    /// referral events stay whole. Counts and points add up; liability values are recomputed from the summed
    /// points with `value`, since each part rounded its own down.
    public static func combining(_ parts: [ReplaySummary], value: PointValue) -> ReplaySummary? {
        guard var total = parts.first else { return nil }
        for part in parts.dropFirst() {
            total.members += part.members
            total.orders += part.orders
            total.skippedOrders += part.skippedOrders
            total.refunds += part.refunds
            total.pointsIssued += part.pointsIssued
            total.issuedByRule = total.issuedByRule + part.issuedByRule
            total.pointsRedeemed += part.pointsRedeemed
            total.pointsReversed += part.pointsReversed
            total.pointsExpired += part.pointsExpired
            total.pointsOpen += part.pointsOpen
            total.codesIssued += part.codesIssued
            total.codesUsed += part.codesUsed
            total.codesExpired += part.codesExpired
            total.redemptionsRefused += part.redemptionsRefused
            total.membershipFeesMinor += part.membershipFeesMinor
            total.memberOrders += part.memberOrders
            total.memberSavingsMinor += part.memberSavingsMinor
            total.tierCounts.merge(part.tierCounts, uniquingKeysWith: +)
            total.tierChanges.merge(part.tierChanges, uniquingKeysWith: +)
        }
        total.liability = LiabilityReport.combining(parts.map(\.liability), value: value) ?? total.liability
        return total
    }
}

extension IssuedPoints {
    /// Points issued by both, rule by rule.
    public static func + (lhs: IssuedPoints, rhs: IssuedPoints) -> IssuedPoints {
        var sum = lhs
        sum.orderBase += rhs.orderBase
        sum.productMultipliers += rhs.productMultipliers
        sum.boosts += rhs.boosts
        sum.tierMultipliers += rhs.tierMultipliers
        sum.launchBonus += rhs.launchBonus
        sum.birthday += rhs.birthday
        sum.actions += rhs.actions
        sum.badges += rhs.badges
        sum.challenges += rhs.challenges
        sum.referrals += rhs.referrals
        return sum
    }
}
