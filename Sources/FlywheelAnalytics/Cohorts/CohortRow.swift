/// One monthly acquisition cohort: the customers whose first purchase fell in `cohort`, followed month by
/// month up to the snapshot's instant (months without purchases included, with zeros).
public struct CohortRow: Hashable, Codable, Sendable {
    /// The month of the first purchase.
    public var cohort: Period
    public var customers: Int
    public var cells: [CohortCell]
}
