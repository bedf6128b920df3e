/// One page of a listing: items in ascending byte order of their key (external id), and the key to pass as
/// `after` for the next page (`nil` on the last page).
public struct Page<Item: Sendable>: Sendable {
    /// The items of this page, at most the query's limit.
    public var items: [Item]
    /// The key of the last item when more items follow; `nil` when this is the last page.
    public var nextAfter: String?

    /// Makes a page.
    public init(items: [Item], nextAfter: String?) {
        self.items = items
        self.nextAfter = nextAfter
    }
}

extension Page: Equatable where Item: Equatable {}

extension Page {
    /// Cuts a page from items already sorted by key and filtered to those after the cursor: the first `limit`,
    /// and the key of the last one when more follow. Engines fetch `limit + 1` rows and call this.
    public static func cut(_ sorted: [Item], limit: Int, key: (Item) -> String) -> Page {
        guard sorted.count > limit else { return Page(items: sorted, nextAfter: nil) }
        let items = Array(sorted.prefix(limit))
        return Page(items: items, nextAfter: items.last.map(key))
    }
}

/// Byte order of keys, the order every engine lists in (SQLite's BINARY collation, PostgreSQL's "C").
public enum KeyOrder {
    /// Whether `a` sorts before `b` by their UTF-8 bytes.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
