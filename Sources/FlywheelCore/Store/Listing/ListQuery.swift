/// A plain listing: the page size and where to start (after a key from the previous page).
public struct ListQuery: Hashable, Sendable {
    /// List items whose key sorts after this one (`Page.nextAfter` of the previous page); `nil` from the start.
    public var after: String?
    /// The most items to return; at least 1.
    public var limit: Int

    /// Makes a query; `limit` below 1 counts as 1.
    public init(after: String? = nil, limit: Int = 100) {
        self.after = after
        self.limit = max(1, limit)
    }
}
