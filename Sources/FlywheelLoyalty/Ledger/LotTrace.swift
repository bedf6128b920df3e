/// Where one lot's points came from and where they went: the customer's "where did my points come from".
public struct LotTrace: Hashable, Sendable {
    /// The lot, with its current remaining points.
    public let lot: PointsLot
    /// The entries that took points out of the lot, oldest first.
    public let uses: [LedgerEntry]
}
