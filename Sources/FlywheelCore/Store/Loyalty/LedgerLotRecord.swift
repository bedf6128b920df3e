public import Foundation

/// A stored lot of loyalty points as it was created (append-only): what is left of it follows from the
/// entries that took from it, and whether it is still pending from the sources that released it.
public struct LedgerLotRecord: Hashable, Sendable {
    /// The customer who holds the points.
    public var customer: String
    /// The lot's number in the customer's ledger, from 0, without gaps.
    public var number: Int
    /// The kind of the source event that created the lot (`order`, `bonus`, `hand_back` …).
    public var sourceKind: String
    /// That source event's key.
    public var sourceKey: String
    /// When the points were earned.
    public var earnedAt: Date
    /// When the lot's remaining points expire; `nil` for never.
    public var expiresAt: Date?
    /// How many points the lot was created with; positive.
    public var earned: Int64
    /// Whether the lot was created pending (not spendable until a source releases it).
    public var pending: Bool
    /// For an order's lot: the amount the points were earned on (refunds are pro-rated against it).
    public var orderAmount: Money?

    /// Makes a lot record.
    public init(
        customer: String, number: Int, sourceKind: String, sourceKey: String, earnedAt: Date, expiresAt: Date?,
        earned: Int64, pending: Bool, orderAmount: Money? = nil
    ) {
        self.customer = customer
        self.number = number
        self.sourceKind = sourceKind
        self.sourceKey = sourceKey
        self.earnedAt = earnedAt
        self.expiresAt = expiresAt
        self.earned = earned
        self.pending = pending
        self.orderAmount = orderAmount
    }
}
