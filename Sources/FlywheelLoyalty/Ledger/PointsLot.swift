public import Foundation

/// Points earned together by one source event (an order, a bonus, a referral); spending draws from lots
/// first-expiring-first.
public struct PointsLot: Hashable, Sendable {
    /// The lot's identity.
    public let id: LotID
    /// The customer who holds the points.
    public let customer: String
    /// The event that earned the points.
    public let source: SourceEvent
    /// When the points were earned.
    public let earnedAt: Date
    /// When the remaining points expire; `nil` for never.
    public let expiresAt: Date?
    /// How many points the lot was created with.
    public let earned: Int64
    /// How many points are still spendable; never below zero.
    public internal(set) var remaining: Int64
    /// Whether the points are still pending (their order's return window is open): not spendable, held in
    /// the customer's `pending` account.
    public internal(set) var isPending: Bool = false

    /// The account the lot's remaining points are held in.
    var account: LedgerAccount { isPending ? .pending(customer: customer) : .available(customer: customer) }

    /// Whether this lot is spent before `other`: earlier expiry first (never-expiring last), then earlier
    /// earning time, then creation order.
    func spendsBefore(_ other: PointsLot) -> Bool {
        switch (expiresAt, other.expiresAt) {
        case (let lhs?, let rhs?) where lhs != rhs: return lhs < rhs
        case (.some, .none): return true
        case (.none, .some): return false
        default: break
        }
        if earnedAt != other.earnedAt { return earnedAt < other.earnedAt }
        return id < other.id
    }
}
