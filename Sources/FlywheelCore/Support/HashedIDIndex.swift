/// External ids → dense numbers 0, 1, 2 … in the order they were added: open addressing with linear probing
/// over the ids' 128-bit `ExternalIDHash`, which stands for the id (two ids collide with probability about
/// n² / 2¹²⁹). A lookup hashes the id's bytes once and probes a flat array — no `Hasher` seeding, no SipHash,
/// no `String` comparison, no retained `String` per entry.
///
/// A slot holds the number and 32 bits of the hash's other half (a tag), so a probe passing other ids' slots
/// reads no key. 16 bytes per id plus 11–21 bytes of slots (load ≤ ¾). For replays of millions of orders:
/// the loyalty replay's customers and the points ledger's order slots.
public struct HashedIDIndex: Sendable {
    /// `tag << 32 | (number + 1)`; 0 is an empty slot.
    private var slots: [UInt64] = []
    private var keys: [(high: UInt64, low: UInt64)] = []

    /// An empty index.
    public init() {}

    /// How many ids are held.
    public var count: Int { keys.count }

    /// The number of `id`, if held.
    public func number(of id: String) -> Int? {
        let key = ExternalIDHash.hash(id)
        guard !slots.isEmpty else { return nil }
        return find(key).number
    }

    /// The number of `id`, adding it as the next number (`count`) when new (`isNew`).
    public mutating func claim(_ id: String) -> (number: Int, isNew: Bool) {
        let key = ExternalIDHash.hash(id)
        if (keys.count + 1) * 4 > slots.count * 3 { grow(to: max(16, slots.count * 2)) }
        let (number, slot) = find(key)
        if let number { return (number, false) }
        let new = keys.count
        keys.append(key)
        slots[slot] = Self.tag(key) << 32 | UInt64(UInt32(new) + 1)
        return (new, true)
    }

    /// Makes room for `count` ids without growing.
    public mutating func reserveCapacity(_ count: Int) {
        keys.reserveCapacity(count)
        var size = max(16, slots.count)
        while size * 3 < count * 4 { size *= 2 }
        if size > slots.count { grow(to: size) }
    }

    /// The number of `key` if held, else the empty slot where it would go.
    private func find(_ key: (high: UInt64, low: UInt64)) -> (number: Int?, slot: Int) {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            let tag = Self.tag(key)
            var slot = Int(truncatingIfNeeded: key.low) & mask
            while true {
                let entry = slots[slot]
                if entry == 0 { return (nil, slot) }
                if entry >> 32 == tag {
                    let number = Int(entry & 0xFFFF_FFFF) - 1
                    if keys[number] == key { return (number, slot) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private mutating func grow(to size: Int) {
        slots = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        for (number, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: key.low) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Self.tag(key) << 32 | UInt64(UInt32(number) + 1)
        }
    }

    @inline(__always)
    private static func tag(_ key: (high: UInt64, low: UInt64)) -> UInt64 { key.high >> 32 }
}
