import FlywheelCore

/// Strings → their index in an array the owner keeps (`CustomerDirectory.externalIDs`): open addressing over
/// a 64-bit hash of the UTF-8 bytes (`WordHash`), each slot holding the index and 32 bits of the hash, so a probe past
/// other strings compares no string.
///
/// Replaces a `[String: Int32]` on the bulk load path: a million customer ids hashed with the standard
/// library's seeded hasher, and the dictionary's re-hashing as it grew, cost about a twentieth of reading a
/// 10 M-order file. The strings stay in the owner's array; this holds 8 bytes a slot (load ≤ ¾).
struct StringIndex: Sendable {
    /// `tag << 32 | (index + 1)`; 0 is an empty slot.
    private var slots = [UInt64](repeating: 0, count: 16)
    private var count = 0

    /// The index of `value` in `strings`, if held.
    func index(of value: String, in strings: [String]) -> Int32? {
        probe(value, hash: Self.hash(value), in: strings).found
    }

    /// The index of `value` in `strings` if held; otherwise `value` is taken as `strings[next]` (the owner
    /// appends it next) and `next` returned as new. One hash and one probe where a lookup and an insert
    /// took two of each.
    mutating func index(of value: String, orAdd next: Int32, in strings: [String]) -> (index: Int32, isNew: Bool) {
        if (count + 1) * 4 > slots.count * 3 { grow(to: slots.count * 2, strings: strings) }
        let hash = Self.hash(value)
        let (slot, found) = probe(value, hash: hash, in: strings)
        if let found { return (found, false) }
        slots[slot] = (hash >> 32) << 32 | UInt64(UInt32(next) + 1)
        count += 1
        return (next, true)
    }

    /// The slot holding `value` (`found` its index), or the empty slot where it would go.
    @inline(__always)
    private func probe(_ value: String, hash: UInt64, in strings: [String]) -> (slot: Int, found: Int32?) {
        let tag = hash >> 32
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return (slot, nil) }
            if entry >> 32 == tag {
                let index = Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                if strings[Int(index)] == value { return (slot, index) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Makes room for `total` strings without growing.
    mutating func reserveCapacity(_ total: Int, strings: [String]) {
        var size = slots.count
        while size * 3 < total * 4 { size *= 2 }
        if size > slots.count { grow(to: size, strings: strings) }
    }

    private mutating func grow(to size: Int, strings: [String]) {
        slots = [UInt64](repeating: 0, count: size)
        for index in 0..<count { place(Int32(index), hash: Self.hash(strings[index])) }
    }

    private mutating func place(_ index: Int32, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = (hash >> 32) << 32 | UInt64(UInt32(index) + 1)
    }

    /// `WordHash` (FlywheelCore) of the UTF-8 bytes.
    static func hash(_ value: String) -> UInt64 { WordHash.hash(value) }
}
