#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FlywheelCore

/// Distinct byte strings (customer ids, SKUs, channels, currency spellings) numbered from 0 in order of first
/// appearance: open addressing over a 64-bit hash of the bytes, the bytes themselves kept once in one array,
/// so looking up a field straight from the file's buffer needs neither a `String` nor an allocation.
struct ByteInterner {
    private var bytes: [UInt8] = []
    private var ends: [Int32] = []
    private var hashes: [UInt64] = []
    private var slots = [Int32](repeating: -1, count: 64)

    /// How many distinct strings are held.
    var count: Int { ends.count }

    /// The index of `field`, and whether it was new (then the caller records its value).
    mutating func intern(_ field: UnsafeBufferPointer<UInt8>) -> (index: Int32, isNew: Bool) {
        let hash = Self.hash(field)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = slots[slot]
            if index < 0 { break }
            if hashes[Int(index)] == hash && equals(Int(index), field) { return (index, false) }
            slot = (slot + 1) & mask
        }
        let index = Int32(ends.count)
        bytes.append(contentsOf: field)
        ends.append(Int32(bytes.count))
        hashes.append(hash)
        slots[slot] = index
        if ends.count * 4 > slots.count * 3 { grow() }
        return (index, true)
    }

    private func equals(_ index: Int, _ field: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        let end = Int(ends[index])
        guard end - start == field.count else { return false }
        guard field.count > 0 else { return true }
        return bytes.withUnsafeBufferPointer { held in
            memcmp(held.baseAddress! + start, field.baseAddress!, field.count) == 0
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for index in 0..<ends.count {
            var slot = Int(truncatingIfNeeded: hashes[index]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    /// `WordHash` (FlywheelCore): eight bytes at a time.
    @inline(__always)
    static func hash(_ field: UnsafeBufferPointer<UInt8>) -> UInt64 { WordHash.hash(field) }
}
