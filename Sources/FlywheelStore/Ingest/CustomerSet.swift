/// A set of customer row ids as a bitmap: one bit per row id up to the largest inserted, so a session that
/// touched a million customers costs 125 KB, whatever the number of orders.
///
/// Customer row ids are dense from 1 on both engines (SQLite's `INTEGER PRIMARY KEY`, PostgreSQL's identity
/// column; a rolled-back batch leaves a gap). Both stores' ingest sessions count customers with it.
struct CustomerSet: Sendable {
    private var words: [UInt64] = []

    func contains(_ id: Int64) -> Bool {
        guard id >= 0 else { return false }
        let word = Int(id >> 6)
        return word < words.count && words[word] & (1 << UInt64(id & 63)) != 0
    }

    mutating func insert(_ id: Int64) {
        precondition(id >= 0, "customer row ids are positive")
        let word = Int(id >> 6)
        if word >= words.count {
            words.append(contentsOf: repeatElement(0, count: max(word + 1 - words.count, words.count / 2)))
        }
        words[word] |= 1 << UInt64(id & 63)
    }
}
