/// A xoshiro256** generator, seeded through SplitMix64 from (seed, customer index, stream).
///
/// Every customer gets its own independent stream, so customers can be generated in any order, on any
/// number of threads, and still come out the same. Only integer arithmetic and correctly rounded IEEE
/// operations are used here, so the numbers are the same on every machine.
struct RandomSource {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// The stream `stream` of customer (or other entity) `index` under `seed`.
    init(seed: UInt64, index: UInt64, stream: UInt64) {
        var key = RandomSource.mix(seed &+ 0x9E37_79B9_7F4A_7C15)
        key = RandomSource.mix(key ^ (index &* 0xD1B5_4A32_D192_ED03))
        key = RandomSource.mix(key ^ (stream &* 0x8CB9_2BA7_2F3D_8DD7))
        var splitMix = SplitMix64(state: key)
        s0 = splitMix.next()
        s1 = splitMix.next()
        s2 = splitMix.next()
        s3 = splitMix.next()
    }

    /// The next 64 random bits.
    @inline(__always)
    mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    /// Uniform in [0, 1).
    @inline(__always)
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform in (0, 1): never exactly 0, so its logarithm is finite.
    @inline(__always)
    mutating func uniformPositive() -> Double { (Double(next() >> 11) + 0.5) * 0x1.0p-53 }

    /// Uniform integer in 0..<n (n > 0), by the multiply-high method.
    @inline(__always)
    mutating func below(_ n: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// Uniform integer in the range.
    @inline(__always)
    mutating func integer(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `probability`.
    @inline(__always)
    mutating func chance(_ probability: Double) -> Bool { uniform() < probability }

    @inline(__always)
    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// SplitMix64's finaliser: a good 64-bit mixing function.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
