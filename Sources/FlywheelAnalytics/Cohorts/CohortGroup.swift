/// The cohorts of one group of a split (all customers when unsplit).
public struct CohortGroup: Hashable, Codable, Sendable {
    /// The group (a SKU, category or channel, `discount` / `full price`); `nil` when unsplit or when the
    /// first purchase names none.
    public var group: String?
    public var customers: Int
    /// Cohorts, oldest first.
    public var cohorts: [CohortRow]
}
