/// Record keys → rows, for the orders, answers and reviews columns: open addressing with linear probing over
/// `Int32` slots, the keys themselves kept once per row.
///
/// `RecordKey` is already a strong hash, so a slot is its low bits — no `Hasher` per lookup — and growing
/// re-inserts rows from the kept keys. 16 bytes per row plus 5–11 bytes of slots (load ≤ ¾), against
/// 27–54 bytes per entry for a `Dictionary<RecordKey, Int32>`.
struct RecordIndex: Sendable {
    private var slots: [Int32] = []
    private(set) var keys: [RecordKey] = []

    /// Rows held.
    var count: Int { keys.count }

    /// The row of `key`, if held.
    func row(of key: RecordKey) -> Int32? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key.low) & mask
        while true {
            let row = slots[slot]
            if row < 0 { return nil }
            if keys[Int(row)] == key { return row }
            slot = (slot + 1) & mask
        }
    }

    /// Adds `key` (not held yet) as the next row and returns that row.
    mutating func append(_ key: RecordKey) -> Int32 {
        if (keys.count + 1) * 4 > slots.count * 3 { grow(to: max(16, slots.count * 2)) }
        let row = Int32(keys.count)
        keys.append(key)
        place(row)
        return row
    }

    /// Makes room for `count` rows without growing.
    mutating func reserveCapacity(_ count: Int) {
        keys.reserveCapacity(count)
        var size = max(16, slots.count)
        while size * 3 < count * 4 { size *= 2 }
        if size > slots.count { grow(to: size) }
    }

    private mutating func grow(to size: Int) {
        slots = [Int32](repeating: -1, count: size)
        for row in keys.indices { place(Int32(row)) }
    }

    private mutating func place(_ row: Int32) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: keys[Int(row)].low) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = row
    }
}
