/// A lot that still holds points, with what is left of it: the input of the liability report.
public struct LedgerOpenLot: Hashable, Sendable {
    /// The lot as created.
    public var lot: LedgerLotRecord
    /// Points still in it; positive.
    public var remaining: Int64
    /// Whether its points are still pending (not spendable).
    public var isPending: Bool

    /// Makes an open lot.
    public init(lot: LedgerLotRecord, remaining: Int64, isPending: Bool) {
        self.lot = lot
        self.remaining = remaining
        self.isPending = isPending
    }
}
