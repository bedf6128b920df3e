/// External ids → dense numbers 0, 1, 2 … in the order they were added: open addressing with linear probing
/// over the ids' `ExternalIDHash`. A lookup hashes the id's bytes once and probes a flat array — no `Hasher`
/// seeding, no SipHash, no `String` comparison, no retained `String` per entry.
///
/// A slot is 16 bytes and holds all the index knows of an id: the hash's high 64 bits, 32 bits of its low
/// half (which also place the slot) and the number, so a lookup reads one cache line of the table and
/// nothing else (at millions of ids the table is far larger than any cache; a separate keys array was a
/// second miss per lookup). The 96 bits stand for the id: two of n ids collide with probability about
/// n² / 2⁹⁷ (≈ 10⁻¹⁶ for 10 M orders). 21–43 bytes per id (load ≤ ¾). For replays of millions of orders:
/// the loyalty replay's customers and the points ledger's order slots.
public struct HashedIDIndex: Sendable {
    /// `high` of the hash; `low32 << 32 | (number + 1)` (0: an empty slot).
    private var slots: [(high: UInt64, lowAndNumber: UInt64)] = []
    /// How many ids are held.
    public private(set) var count = 0

    /// An empty index.
    public init() {}

    /// The number of `id`, if held.
    public func number(of id: String) -> Int? {
        guard !slots.isEmpty else { return nil }
        return find(ExternalIDHash.hash(id)).number
    }

    /// The number of `id`, adding it as the next number (`count`) when new (`isNew`).
    public mutating func claim(_ id: String) -> (number: Int, isNew: Bool) {
        claim(hash: ExternalIDHash.hash(id))
    }

    /// The number of the id whose `ExternalIDHash` is `key` (a reader that hashed the id's bytes and kept
    /// no `String`), adding it as the next number when new — the same number `claim(_:)` gives the id.
    public mutating func claim(hash key: (high: UInt64, low: UInt64)) -> (number: Int, isNew: Bool) {
        if (count + 1) * 4 > slots.count * 3 { grow(to: max(16, slots.count * 2)) }
        let (number, slot) = find(key)
        if let number { return (number, false) }
        let new = count
        count += 1
        slots[slot] = (key.high, (key.low & 0xFFFF_FFFF) << 32 | UInt64(UInt32(new) + 1))
        return (new, true)
    }

    /// Makes room for `count` ids without growing.
    public mutating func reserveCapacity(_ count: Int) {
        var size = max(16, slots.count)
        while size * 3 < count * 4 { size *= 2 }
        if size > slots.count { grow(to: size) }
    }

    /// The number of `key` if held, else the empty slot where it would go.
    private func find(_ key: (high: UInt64, low: UInt64)) -> (number: Int?, slot: Int) {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            let low = key.low & 0xFFFF_FFFF
            var slot = Int(truncatingIfNeeded: low) & mask
            while true {
                let entry = slots[slot]
                if entry.lowAndNumber == 0 { return (nil, slot) }
                if entry.high == key.high, entry.lowAndNumber >> 32 == low {
                    return (Int(entry.lowAndNumber & 0xFFFF_FFFF) - 1, slot)
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private mutating func grow(to size: Int) {
        let old = slots
        slots = [(high: UInt64, lowAndNumber: UInt64)](repeating: (0, 0), count: size)
        let mask = size - 1
        for entry in old where entry.lowAndNumber != 0 {
            var slot = Int(truncatingIfNeeded: entry.lowAndNumber >> 32) & mask
            while slots[slot].lowAndNumber != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
