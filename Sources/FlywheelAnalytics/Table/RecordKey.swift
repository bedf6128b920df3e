/// A record's external id reduced to 128 bits, the key of the table's id indexes.
///
/// Keeping 16 bytes per order instead of the id's `String` (a heap allocation for ids longer than 15 bytes,
/// such as CDNOW's `cdnow:00001:19970101:1`) saves hundreds of megabytes at 10 M orders. Two independent
/// 64-bit hashes (FNV-1a and a multiply–xorshift lane, both finished with MurmurHash3's `fmix64`): two
/// different ids collide with probability about n² / 2¹²⁹, about 10⁻²⁵ for 10 M orders.
struct RecordKey: Hashable, Sendable {
    let high: UInt64
    let low: UInt64

    init(_ id: String) {
        var id = id
        let key = id.withUTF8 { RecordKey.hash($0) }
        self = key
    }

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> RecordKey {
        var fnv: UInt64 = 0xcbf2_9ce4_8422_2325
        var mix: UInt64 = 0x9e37_79b9_7f4a_7c15 ^ UInt64(bytes.count)
        for byte in bytes {
            fnv = (fnv ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            mix = (mix &+ UInt64(byte) &+ 1) &* 0xff51_afd7_ed55_8ccd
            mix ^= mix >> 29
        }
        return RecordKey(high: fmix64(fnv), low: fmix64(mix ^ 0xc4ce_b9fe_1a85_ec53))
    }

    private static func fmix64(_ value: UInt64) -> UInt64 {
        var k = value
        k ^= k >> 33
        k &*= 0xff51_afd7_ed55_8ccd
        k ^= k >> 33
        k &*= 0xc4ce_b9fe_1a85_ec53
        k ^= k >> 33
        return k
    }
}
