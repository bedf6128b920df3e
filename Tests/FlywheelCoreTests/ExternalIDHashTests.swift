import Testing

@testable import FlywheelCore

@Suite("ExternalIDHash")
struct ExternalIDHashTests {
    @Test("a prefix hashed once and continued gives the hash of the whole id, for every split")
    func prefix() {
        let ids = ["", "a", "cdnow:00001:19970101:1", "order-ü-42", String(repeating: "x", count: 300)]
        for id in ids {
            let bytes = Array(id.utf8)
            bytes.withUnsafeBufferPointer { all in
                let whole = ExternalIDHash.hash(all)
                for split in 0...bytes.count {
                    let prefix = ExternalIDHash.Prefix(UnsafeBufferPointer(rebasing: all[0..<split]), length: bytes.count)
                    let continued = prefix.hash(rest: UnsafeBufferPointer(rebasing: all[split...]))
                    #expect(continued == whole, "\(id) split at \(split)")
                }
            }
        }
    }

    @Test("the hash is the published one: FNV-1a and the multiply–xorshift lane, each through fmix64")
    func knownValues() {
        // Fixed values: a change of the definition would change every stored key (the analytics indexes
        // compare hashes of the same ids computed by different readers).
        let empty = ExternalIDHash.hash("")
        #expect(empty.high == ExternalIDHash.fmix64(0xcbf2_9ce4_8422_2325))
        #expect(empty.low == ExternalIDHash.fmix64(0x9e37_79b9_7f4a_7c15 ^ 0xc4ce_b9fe_1a85_ec53))
        var fnv: UInt64 = 0xcbf2_9ce4_8422_2325
        var mix: UInt64 = 0x9e37_79b9_7f4a_7c15 ^ 2
        for byte in Array("ab".utf8) {
            fnv = (fnv ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            mix = (mix &+ UInt64(byte) &+ 1) &* 0xff51_afd7_ed55_8ccd
            mix ^= mix >> 29
        }
        let ab = ExternalIDHash.hash("ab")
        #expect(ab.high == ExternalIDHash.fmix64(fnv))
        #expect(ab.low == ExternalIDHash.fmix64(mix ^ 0xc4ce_b9fe_1a85_ec53))
    }
}
