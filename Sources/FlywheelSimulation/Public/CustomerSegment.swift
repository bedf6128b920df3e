/// The groups of customers whose buying follows different true parameters.
public enum CustomerSegment: String, Sendable, Hashable, CaseIterable {
    /// Arrived outside a sale, or on a sale day but not because of it.
    case regular
    /// Arrived because of a sale, with the sale's code on the first order; buys again less often.
    case saleAcquired = "sale_acquired"
}
