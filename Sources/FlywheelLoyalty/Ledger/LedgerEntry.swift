public import Foundation

/// One movement of points: `points` leave `debit` and arrive in `credit`. Entries are never changed or removed.
public struct LedgerEntry: Hashable, Sendable {
    /// The entry's position in the ledger, starting at 0.
    public let sequence: Int
    /// The account the points leave.
    public let debit: LedgerAccount
    /// The account the points arrive in.
    public let credit: LedgerAccount
    /// How many points move; always positive.
    public let points: Int64
    /// The event that caused the movement.
    public let source: SourceEvent
    /// Why the points moved, in words for the customer's history.
    public let reason: String
    /// When the movement happened.
    public let at: Date
    /// The lot the points were added to or taken from.
    public let lot: LotID
    /// The admin who made a manual adjustment; `nil` for everything else.
    public let admin: String?
}

extension LedgerEntry {
    /// Whether the entry takes points out of a customer's accounts (a spend, expiry or reversal); a release
    /// from pending to available stays with the customer and does not count.
    var takesFromCustomer: Bool { debit.customer != nil && credit.customer == nil }
}
