/// A listing of customers, by external id, optionally filtered by e-mail (exact, as stored).
public struct CustomerQuery: Hashable, Sendable {
    /// List customers whose external id sorts after this one; `nil` from the start.
    public var after: String?
    /// The most customers to return; at least 1.
    public var limit: Int
    /// Only the customer(s) with this e-mail.
    public var email: String?

    /// Makes a query; `limit` below 1 counts as 1.
    public init(after: String? = nil, limit: Int = 100, email: String? = nil) {
        self.after = after
        self.limit = max(1, limit)
        self.email = email
    }
}
