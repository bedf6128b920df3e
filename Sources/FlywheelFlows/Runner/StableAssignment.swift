import FlywheelCore

/// Deterministic "random" assignment of a customer to a holdout group or a split variant: the same flow,
/// customer and salt always give the same answer, in every process and on every machine.
///
/// FNV-1a over (flow id, customer id, salt), then a SplitMix64 finaliser so that neighbouring ids spread
/// evenly over the buckets.
public enum StableAssignment {
    /// A uniform 64-bit value for the triple.
    public static func hash(flowID: String, customerID: String, salt: String) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(flowID)
        hasher.combine(customerID)
        hasher.combine(salt)
        var z = UInt64(bitPattern: hasher.value) &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A bucket in 0 ..< `count` (multiply-shift, no modulo bias worth the name for small counts).
    public static func bucket(_ hash: UInt64, count: Int) -> Int {
        Int(((hash >> 32) &* UInt64(count)) >> 32)
    }

    /// Whether the customer is in the flow's holdout, for a share in basis points (1000 = 10 %).
    /// Salted by the flow id only, so a customer keeps their group across versions.
    public static func isHoldout(flowID: String, customerID: String, basisPoints: Int) -> Bool {
        guard basisPoints > 0 else { return false }
        return bucket(hash(flowID: flowID, customerID: customerID, salt: "holdout"), count: 10_000) < basisPoints
    }

    /// The index of the chosen weight (weights positive), salted by the split step's id.
    public static func variant(flowID: String, customerID: String, stepID: String, cumulativeWeights: [Int]) -> Int {
        let total = cumulativeWeights.last ?? 0
        guard total > 0 else { return 0 }
        let point = bucket(hash(flowID: flowID, customerID: customerID, salt: "split:" + stepID), count: total)
        return cumulativeWeights.firstIndex { point < $0 } ?? cumulativeWeights.count - 1
    }
}
