/// A small direct-mapped cache in front of a `ByteInterner` for fields of at most 16 bytes (SKUs, channels):
/// a file's rows repeat a few dozen of them, so most rows find theirs here with two word compares instead of
/// hashing the bytes, probing the interner and comparing the bytes held there. It only remembers indexes the
/// interner gave, so a hit returns exactly what the interner would; a miss (or a longer field, or one too
/// near the end of the bytes to load 16 at once) goes to the interner and the slot is overwritten.
///
/// The slots live in memory of its own (no array: writing an array element checks that the array is not
/// shared, each time), so the owner calls `deallocate()` once done.
struct ShortFieldCache {
    private struct Slot {
        var first: UInt64 = 0
        var second: UInt64 = 0
        /// 0: empty (an empty field is never cached).
        var length = 0
        var index: Int32 = 0
    }

    private static let slotBits = 6
    private let slots: UnsafeMutablePointer<Slot>

    init() {
        slots = .allocate(capacity: 1 << Self.slotBits)
        slots.initialize(repeating: Slot(), count: 1 << Self.slotBits)
    }

    func deallocate() { slots.deallocate() }

    /// A field's cache key: its length and its bytes as two little-endian words, zero beyond the field;
    /// `nil` when the field is empty or longer than 16 bytes, or fewer than 16 bytes from its start to the
    /// end of `bytes`.
    @inline(__always)
    static func key(start: Int, count: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Key? {
        guard count > 0, count <= 16, start + 16 <= bytes.count else { return nil }
        let raw = UnsafeRawPointer(bytes.baseAddress! + start)
        var first = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        var second: UInt64 = 0
        if count < 8 {
            first &= (1 << UInt64(count * 8)) &- 1
        } else if count > 8 {
            second = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            if count < 16 { second &= (1 << UInt64((count - 8) * 8)) &- 1 }
        }
        return Key(first: first, second: second, length: count)
    }

    struct Key {
        let first: UInt64
        let second: UInt64
        let length: Int

        /// The slot: the top bits of a product that depends on every bit of both words and the length.
        @inline(__always)
        var slot: Int {
            let mixed = (first &* 0x9e37_79b9_7f4a_7c15) ^ (second &* 0xc2b2_ae3d_27d4_eb4f) ^ UInt64(length)
            return Int(truncatingIfNeeded: (mixed &* 0xff51_afd7_ed55_8ccd) >> UInt64(64 - ShortFieldCache.slotBits))
        }
    }

    /// The interner's index remembered for `key`, if it is in its slot.
    @inline(__always)
    func index(of key: Key) -> Int32? {
        let slot = slots[key.slot]
        return slot.length == key.length && slot.first == key.first && slot.second == key.second ? slot.index : nil
    }

    /// Remembers the interner's `index` for `key` (in place of what the slot held).
    @inline(__always)
    func remember(_ key: Key, index: Int32) {
        slots[key.slot] = Slot(first: key.first, second: key.second, length: key.length, index: index)
    }
}
