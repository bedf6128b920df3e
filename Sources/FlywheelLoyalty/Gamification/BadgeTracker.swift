public import Foundation

/// One customer's progress towards the programme's badges and milestones; each badge is awarded once.
public struct BadgeTracker: Hashable, Sendable, Codable {
    /// Orders not refunded in full.
    public private(set) var orders = 0
    /// Spend, net of refunds (minor units).
    public private(set) var spendMinor: Int64 = 0
    /// Actions done, by action.
    public private(set) var actions: [EarningAction: Int] = [:]
    /// The first order's time (for anniversaries).
    public private(set) var firstOrderAt: Date?
    /// Ids of the badges earned.
    public private(set) var earned: Set<String> = []

    /// A customer with no activity.
    public init() {}

    /// Records an order and returns the badges it completes.
    public mutating func order(spendMinor: Int64, at: Date, badges: [Badge]) -> [BadgeAward] {
        orders += 1
        self.spendMinor += spendMinor
        if firstOrderAt == nil { firstOrderAt = at }
        return check(badges, at: at)
    }

    /// Records a refund (a full one no longer counts the order). Badges already earned stay.
    public mutating func refund(spendMinor: Int64, cancelsOrder: Bool) {
        self.spendMinor -= spendMinor
        if cancelsOrder { orders = max(0, orders - 1) }
    }

    /// Records an action and returns the badges it completes.
    public mutating func action(_ action: EarningAction, at: Date, badges: [Badge]) -> [BadgeAward] {
        actions[action, default: 0] += 1
        return check(badges, at: at)
    }

    /// Returns the anniversary badges due by `at` (time passing earns them).
    public mutating func advance(to at: Date, badges: [Badge]) -> [BadgeAward] { check(badges, at: at) }

    private mutating func check(_ badges: [Badge], at: Date) -> [BadgeAward] {
        var awards: [BadgeAward] = []
        for badge in badges where !earned.contains(badge.id) {
            let reached: Bool
            var when = at
            switch badge.trigger {
            case .orderCount(let count): reached = orders >= count
            case .spend(let minor): reached = spendMinor >= minor
            case .action(let action, let count): reached = actions[action, default: 0] >= count
            case .anniversary(let days):
                guard let first = firstOrderAt else { continue }
                when = first.addingTimeInterval(Double(days) * 86_400)
                reached = when <= at
            }
            guard reached else { continue }
            earned.insert(badge.id)
            awards.append(BadgeAward(badgeID: badge.id, points: badge.points, at: when))
        }
        return awards
    }
}
