/// A fast 64-bit hash of bytes for in-memory tables (not stored, not compared across processes): eight bytes
/// at a time, a multiply–xorshift per word with the length mixed in, finished so that the low bits that pick
/// a slot depend on every byte. Used where a table is filled millions of times on a bulk path: the columnar
/// reader's per-piece interner (`ByteInterner`) and the analytics customer directory (`StringIndex`); ids that
/// must stand for themselves use the 128-bit `ExternalIDHash`.
public enum WordHash {
    /// The hash of `bytes`.
    @inlinable @inline(__always)
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = bytes.count
        var h: UInt64 = 0x9e37_79b9_7f4a_7c15 ^ UInt64(count)
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xff51_afd7_ed55_8ccd
            h ^= h >> 29
            i += 8
        }
        if i < count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < count {
                tail |= UInt64(base[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ tail) &* 0xff51_afd7_ed55_8ccd
            h ^= h >> 29
        }
        h &*= 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 32
        return h
    }

    /// The hash of a string's UTF-8 bytes.
    @inlinable
    public static func hash(_ value: String) -> UInt64 {
        if let hash = value.utf8.withContiguousStorageIfAvailable(hash) { return hash }
        return Array(value.utf8).withUnsafeBufferPointer(hash)
    }
}
