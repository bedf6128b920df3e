public import Foundation

/// A change of a customer's tier, or of a downgrade waiting for its grace period: the actions the caller
/// performs (store it, tell the customer, start a flow). Kept as the customer's tier history.
public struct TierChange: Hashable, Sendable, Codable {
    /// What happened.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// Moved up at once on reaching a tier's entry threshold.
        case upgrade
        /// Moved down at a period end (or when a grace period ran out).
        case downgrade
        /// A period ended below the retention threshold; the downgrade takes effect at `effectiveAt`.
        case downgradeScheduled = "downgrade_scheduled"
        /// The retention threshold was reached during the grace period; the tier is kept.
        case downgradeCancelled = "downgrade_cancelled"
        /// A refund took away the activity a tier rested on; moved down at once.
        case refundDowngrade = "refund_downgrade"
        /// A tier granted (a member switching in from another provider kept the tier they had there).
        case granted
    }

    /// What happened.
    public var kind: Kind
    /// When it happened.
    public var at: Date
    /// The tier id before (`nil` for no tier).
    public var from: String?
    /// The tier id after, or the tier a scheduled downgrade goes to (`nil` for no tier).
    public var to: String?
    /// For a scheduled downgrade, when it takes effect.
    public var effectiveAt: Date?

    /// A change; see the properties.
    public init(kind: Kind, at: Date, from: String?, to: String?, effectiveAt: Date? = nil) {
        self.kind = kind
        self.at = at
        self.from = from
        self.to = to
        self.effectiveAt = effectiveAt
    }
}
