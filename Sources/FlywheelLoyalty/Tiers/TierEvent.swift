public import Foundation

/// What the tier state machine reacts to.
public enum TierEvent: Hashable, Sendable {
    /// An order placed at `at`: `spendMinor` of qualifying spend and `points` earned.
    case order(at: Date, spendMinor: Int64, points: Int64)
    /// A refund at `at` of an order placed at `orderPlacedAt`, taking back `spendMinor` and the `points` it
    /// reversed; `cancelsOrder` when it was refunded in full (it no longer counts as an order).
    case refund(at: Date, orderPlacedAt: Date, spendMinor: Int64, points: Int64, cancelsOrder: Bool)
    /// Time passed to `to` without activity: period ends and grace periods up to then take effect.
    case advance(to: Date)
    /// Tier `tier` (an id) granted at `at` — a member switching in from another provider: held at least until
    /// `until` (`nil`: no end); from then on the retention rule judges it like a tier earned.
    case grant(at: Date, tier: String, until: Date?)

    /// When the event happens.
    public var at: Date {
        switch self {
        case .order(let at, _, _), .refund(let at, _, _, _, _), .advance(let at), .grant(let at, _, _): at
        }
    }
}
