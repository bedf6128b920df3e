public import Foundation

/// A badge a customer just earned: the bonus points go to the ledger as a `bonus` keyed by `key`.
public struct BadgeAward: Hashable, Sendable, Codable {
    /// The badge.
    public var badgeID: String
    /// Its bonus points (0 for none).
    public var points: Int64
    /// When it was earned.
    public var at: Date

    /// The ledger key, once per customer and badge: `badge:<id>` (the caller adds the customer).
    public var key: String { "badge:\(badgeID)" }
}
