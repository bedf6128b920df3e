/// A set of customer row ids as a bitmap, one bit per id up to the largest inserted: a session that counted a
/// million customers costs about 125 KB. Row ids come from the `customers` identity, dense from 1 (a batch
/// that was rolled back leaves a gap).
struct CustomerIDBitmap: Sendable {
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
