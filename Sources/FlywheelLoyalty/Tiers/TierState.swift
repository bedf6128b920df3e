public import Foundation

/// One customer's tier state: a plain, `Codable` value the tier rules move forward (`TierRules.handle`).
public struct TierState: Hashable, Sendable, Codable {
    /// A downgrade waiting for its grace period to end.
    struct PendingDowngrade: Hashable, Sendable, Codable {
        var to: Int?
        var effectiveAt: Date
    }

    /// Activity on one local day (rolling windows only).
    struct DayActivity: Hashable, Sendable, Codable {
        var day: Int
        var totals: QualifyingTotals
    }

    /// The current tier's index in `TierSettings.tiers`; `nil` for no tier.
    public internal(set) var tierIndex: Int?
    /// Every change, oldest first.
    public internal(set) var history: [TierChange] = []
    /// Activity in the current period (calendar year, N days, lifetime).
    public internal(set) var current = QualifyingTotals()
    /// Activity in the period before.
    public internal(set) var previous = QualifyingTotals()

    var started = false
    var periodIndex = 0
    /// When the next period starts (`nil` for lifetime): cached, as time-zone lookups are slow.
    var nextStart: Date?
    /// The tier the last period end kept (through the current period).
    var retained: Int?
    var pending: PendingDowngrade?
    var recent: [DayActivity] = []
    /// A granted tier the customer keeps at least (`TierEvent.grant`), until `floorUntil` (`nil`: no end).
    var floor: Int?
    var floorUntil: Date?

    /// A customer with no tier and no activity.
    public init() {}

    /// When a downgrade waits for its grace period: when it takes effect.
    public var downgradeEffectiveAt: Date? { pending?.effectiveAt }
}
