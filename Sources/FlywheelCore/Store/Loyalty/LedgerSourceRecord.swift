public import Foundation

/// A source event applied to a customer's ledger, stored once: the store's unique key `(customer, kind,
/// key)` is what makes a source apply exactly once, even from two processes. Append-only.
///
/// The optional fields carry what the loyalty engine needs to restore its state and that entries alone do
/// not show (a refund that reversed nothing still moves the order's refund state).
public struct LedgerSourceRecord: Hashable, Sendable {
    /// The customer whose ledger the source was applied to.
    public var customer: String
    /// The record's position in the customer's ledger, from 0, without gaps.
    public var sequence: Int
    /// The source event's kind (`order`, `refund`, `redemption`, `expiry` …).
    public var kind: String
    /// The source event's key; unique per customer and kind.
    public var key: String
    /// When it was applied.
    public var at: Date
    /// Another event it refers to: the refunded or released order, the redemption handed back.
    public var reference: String?
    /// The lot whose pending points it made available.
    public var releasesLot: Int?
    /// For a refund: money refunded on the order so far (minor units), this refund included.
    public var refundedMinor: Int64?
    /// For a refund: points of the order accounted for by refunds so far, this refund included.
    public var accountedPoints: Int64?
    /// For a refund: points it should have reversed but could not (already spent).
    public var shortfallPoints: Int64

    /// Makes a source record.
    public init(
        customer: String, sequence: Int, kind: String, key: String, at: Date, reference: String? = nil,
        releasesLot: Int? = nil, refundedMinor: Int64? = nil, accountedPoints: Int64? = nil, shortfallPoints: Int64 = 0
    ) {
        self.customer = customer
        self.sequence = sequence
        self.kind = kind
        self.key = key
        self.at = at
        self.reference = reference
        self.releasesLot = releasesLot
        self.refundedMinor = refundedMinor
        self.accountedPoints = accountedPoints
        self.shortfallPoints = shortfallPoints
    }
}
