import FlywheelCore

/// A record's external id reduced to 128 bits, the key of the table's id indexes.
///
/// Keeping 16 bytes per order instead of the id's `String` (a heap allocation for ids longer than 15 bytes,
/// such as CDNOW's `cdnow:00001:19970101:1`) saves hundreds of megabytes at 10 M orders. Two independent
/// 64-bit hashes (FNV-1a and a multiply–xorshift lane, both finished with MurmurHash3's `fmix64`): two
/// different ids collide with probability about n² / 2¹²⁹, about 10⁻²⁵ for 10 M orders. The hash is
/// FlywheelCore's `ExternalIDHash`, which readers also compute straight from a file's bytes.
struct RecordKey: Hashable, Sendable {
    let high: UInt64
    let low: UInt64

    init(_ id: String) {
        let (high, low) = ExternalIDHash.hash(id)
        self.init(high: high, low: low)
    }

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }
}
