public import Foundation

/// One stored movement of loyalty points: `points` leave `debit` and arrive in `credit`. Append-only: a
/// stored entry is never changed or removed.
public struct LedgerEntryRecord: Hashable, Sendable {
    /// The customer whose ledger holds the entry (the owner of its lot).
    public var customer: String
    /// The entry's position in the customer's ledger, from 0, without gaps.
    public var sequence: Int
    /// The account the points leave.
    public var debit: LedgerAccountKind
    /// The account the points arrive in.
    public var credit: LedgerAccountKind
    /// How many points move; positive.
    public var points: Int64
    /// The kind of the source event that caused the movement (the loyalty engine's names: `order`, `refund` …).
    public var sourceKind: String
    /// The source event's key outside the ledger (order id, refund id, redemption key …).
    public var sourceKey: String
    /// Why the points moved, in words for the customer's history.
    public var reason: String
    /// When the movement happened.
    public var at: Date
    /// The number of the customer's lot the points were added to or taken from.
    public var lot: Int
    /// The admin who made a manual adjustment.
    public var admin: String?

    /// Makes an entry record.
    public init(
        customer: String, sequence: Int, debit: LedgerAccountKind, credit: LedgerAccountKind, points: Int64,
        sourceKind: String, sourceKey: String, reason: String, at: Date, lot: Int, admin: String? = nil
    ) {
        self.customer = customer
        self.sequence = sequence
        self.debit = debit
        self.credit = credit
        self.points = points
        self.sourceKind = sourceKind
        self.sourceKey = sourceKey
        self.reason = reason
        self.at = at
        self.lot = lot
        self.admin = admin
    }

    /// Whether the entry takes points out of the customer's accounts (a spend, expiry or reversal) and so
    /// lowers what is left of its lot; a release from pending to available does not.
    public var takesFromLot: Bool { debit.isCustomers && !credit.isCustomers }
}
