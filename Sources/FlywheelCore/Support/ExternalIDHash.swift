/// A record's external id reduced to 128 bits: two independent 64-bit hashes of its UTF-8 bytes (FNV-1a and a
/// multiply–xorshift lane, both finished with MurmurHash3's `fmix64`). Two different ids collide with
/// probability about n² / 2¹²⁹ (about 10⁻²⁵ for 10 M orders).
///
/// One definition for everyone who keys records by id without keeping the id: the analytics table's
/// indexes, and readers that hash ids straight from a file's bytes (`OrderColumns.keyHigh/keyLow`).
public enum ExternalIDHash {
    /// The 128-bit hash of an id's UTF-8 bytes.
    @inlinable
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> (high: UInt64, low: UInt64) {
        // One definition of the lanes: an empty prefix, then every byte (`Prefix`).
        Prefix(UnsafeBufferPointer(start: nil, count: 0), length: bytes.count).hash(rest: bytes)
    }

    /// The 128-bit hash of an id.
    public static func hash(_ id: String) -> (high: UInt64, low: UInt64) {
        var id = id
        return id.withUTF8 { hash($0) }
    }

    @inlinable
    static func fmix64(_ value: UInt64) -> UInt64 {
        var k = value
        k ^= k >> 33
        k &*= 0xff51_afd7_ed55_8ccd
        k ^= k >> 33
        k &*= 0xc4ce_b9fe_1a85_ec53
        k ^= k >> 33
        return k
    }
}
