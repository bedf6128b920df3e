/// What applying records changed for the customers they touched, judged as of the instant passed to
/// `apply` (before and after the records).
public struct AppliedChanges: Hashable, Codable, Sendable {
    /// One entry per touched customer, in customer order.
    public var customers: [CustomerChange]

    /// Changes from their parts.
    public init(customers: [CustomerChange]) { self.customers = customers }
}
