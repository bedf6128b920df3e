import Foundation

extension InMemoryStore {
    /// Sorts by key, drops what is not after the cursor, and cuts a page.
    static func page<Item: Sendable>(
        _ items: some Sequence<Item>, after: String?, limit: Int, key: (Item) -> String
    ) -> Page<Item> {
        let sorted = items.filter { item in after.map { KeyOrder.precedes($0, key(item)) } ?? true }
            .sorted { KeyOrder.precedes(key($0), key($1)) }
        return Page.cut(sorted, limit: limit, key: key)
    }
}
