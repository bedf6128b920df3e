/// One page of a customer's ledger history, newest entry first.
public struct LedgerHistoryQuery: Hashable, Sendable {
    /// The customer.
    public var customer: String
    /// Only entries with a sequence below this one (`LedgerHistoryPage.nextBefore` of the previous page);
    /// `nil` from the newest.
    public var before: Int?
    /// The most entries to return; at least 1.
    public var limit: Int

    /// Makes a query; `limit` below 1 counts as 1.
    public init(customer: String, before: Int? = nil, limit: Int = 50) {
        self.customer = customer
        self.before = before
        self.limit = max(1, limit)
    }
}

/// A page of ledger history: entries newest first, and where the next (older) page starts.
public struct LedgerHistoryPage: Hashable, Sendable {
    /// The entries, newest first.
    public var entries: [LedgerEntryRecord]
    /// The sequence to pass as `before` for older entries; `nil` on the last page.
    public var nextBefore: Int?

    /// Makes a page.
    public init(entries: [LedgerEntryRecord], nextBefore: Int?) {
        self.entries = entries
        self.nextBefore = nextBefore
    }

    /// Cuts a page from entries sorted newest first, fetched one beyond `limit`: engines call this.
    public static func cut(_ newestFirst: [LedgerEntryRecord], limit: Int) -> LedgerHistoryPage {
        guard newestFirst.count > limit else { return LedgerHistoryPage(entries: newestFirst, nextBefore: nil) }
        let entries = Array(newestFirst.prefix(limit))
        return LedgerHistoryPage(entries: entries, nextBefore: entries.last?.sequence)
    }
}
