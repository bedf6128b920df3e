/// FNV-1a 64-bit over a canonical encoding: the same value hashes the same in every process and on every
/// engine, unlike Swift's seeded `Hasher`. Used to tell "unchanged" from "updated" on re-import.
public struct StableHasher: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            state ^= UInt64(byte)
            state &*= 0x0000_0100_0000_01b3
        }
    }

    public mutating func combine(_ value: Int64) {
        var v = UInt64(bitPattern: value)
        for _ in 0..<8 {
            combine(CollectionOfOne(UInt8(truncatingIfNeeded: v)))
            v >>= 8
        }
    }

    public mutating func combine(_ value: Int) { combine(Int64(value)) }

    /// Strings are length-prefixed so that ("ab","c") and ("a","bc") differ; `nil` differs from "".
    public mutating func combine(_ value: String?) {
        guard let value else {
            combine(Int64(-1))
            return
        }
        combine(Int64(value.utf8.count))
        combine(value.utf8)
    }

    public mutating func combine(_ value: Bool) { combine(Int64(value ? 1 : 0)) }

    /// The hash as a signed integer, the form databases store.
    public var value: Int64 { Int64(bitPattern: state) }
}
