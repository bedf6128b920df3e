/// Record keys → rows, for the orders, answers and reviews columns: open addressing with linear probing, the
/// keys themselves kept once per row.
///
/// `RecordKey` is already a strong hash, so a slot is its low bits — no `Hasher` per lookup — and growing
/// re-inserts rows from the kept keys. A slot holds the row and 32 bits of the key's other half (a tag), so
/// a probe passing other keys' slots reads no key: at 10 M orders the keys array is far larger than any
/// cache, and reading a key per probed slot made a bulk load wait on memory (one cache miss per probe
/// instead of about one per lookup). 16 bytes per row plus 11–21 bytes of slots (load ≤ ¾).
struct RecordIndex: Sendable {
    /// `tag << 32 | (row + 1)`; 0 is an empty slot.
    private var slots: [UInt64] = []
    private(set) var keys: [RecordKey] = []
    /// Where `warm` puts what it loads, so that the optimizer keeps the loads.
    private var warmed: UInt64 = 0

    /// Rows held.
    var count: Int { keys.count }

    /// The row of `key`, if held.
    func row(of key: RecordKey) -> Int32? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        let tag = Self.tag(key)
        var slot = Int(truncatingIfNeeded: key.low) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if entry >> 32 == tag {
                let row = Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                if keys[Int(row)] == key { return row }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Loads the first slots of `keys` into the cache ahead of their lookups. A bulk load calls it for the
    /// next few dozen keys at a time: the loads do not depend on each other, so the processor waits for
    /// them together instead of once per lookup (at 10 M orders the slots are far larger than the caches).
    mutating func warm(_ keys: some Sequence<RecordKey>) {
        guard !slots.isEmpty else { return }
        let mask = slots.count - 1
        var sum: UInt64 = 0
        slots.withUnsafeBufferPointer { slots in
            for key in keys { sum &+= slots[Int(truncatingIfNeeded: key.low) & mask] }
        }
        warmed &+= sum
    }

    /// Adds `key` (not held yet) as the next row and returns that row.
    mutating func append(_ key: RecordKey) -> Int32 {
        if (keys.count + 1) * 4 > slots.count * 3 { grow(to: max(16, slots.count * 2)) }
        let row = Int32(keys.count)
        keys.append(key)
        place(row)
        return row
    }

    /// Adds up to `count` keys as the next rows, one after the other — the k-th is `key(k)` — and stops at
    /// the first that is `nil` or already held (which is not added); returns how many were added. The same
    /// as `row(of:)` and then `append` for each, with one probe per key instead of two and the slots of
    /// the next `warmAhead` keys loaded together ahead of their probes (`warm`).
    mutating func appendWhileNew(count: Int, warmAhead: Int, _ key: (Int) -> RecordKey?) -> Int {
        guard count > 0 else { return 0 }
        var size = max(16, slots.count)
        while size * 3 < (keys.count + count) * 4 { size *= 2 }
        if size > slots.count { grow(to: size) }
        // Moved out while written, so that writing them checks no sharing per key.
        var slots = self.slots
        self.slots = []
        defer { self.slots = slots }
        let mask = slots.count - 1
        var added = 0
        var sum: UInt64 = 0
        slots.withUnsafeMutableBufferPointer { slots in
            while added < count {
                if added % warmAhead == 0 {
                    for k in added..<min(added + warmAhead, count) {
                        guard let ahead = key(k) else { break }
                        sum &+= slots[Int(truncatingIfNeeded: ahead.low) & mask]
                    }
                }
                guard let next = key(added) else { return }
                let tag = Self.tag(next)
                var slot = Int(truncatingIfNeeded: next.low) & mask
                while true {
                    let entry = slots[slot]
                    if entry == 0 { break }
                    if entry >> 32 == tag && keys[Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1] == next { return }
                    slot = (slot + 1) & mask
                }
                slots[slot] = tag << 32 | UInt64(UInt32(keys.count) + 1)
                keys.append(next)
                added += 1
            }
        }
        warmed &+= sum
        return added
    }

    /// Makes room for `count` rows without growing.
    mutating func reserveCapacity(_ count: Int) {
        keys.reserveCapacity(count)
        var size = max(16, slots.count)
        while size * 3 < count * 4 { size *= 2 }
        if size > slots.count { grow(to: size) }
    }

    private mutating func grow(to size: Int) {
        slots = [UInt64](repeating: 0, count: size)
        for row in keys.indices { place(Int32(row)) }
    }

    private mutating func place(_ row: Int32) {
        let key = keys[Int(row)]
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key.low) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Self.tag(key) << 32 | UInt64(UInt32(row) + 1)
    }

    @inline(__always)
    private static func tag(_ key: RecordKey) -> UInt64 { key.high >> 32 }
}
