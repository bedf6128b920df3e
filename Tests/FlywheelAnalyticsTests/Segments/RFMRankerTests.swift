@testable import FlywheelAnalytics
import Testing

@Suite("RFMRanker: monetary quintile and VIP share read at fixed places")
struct RFMRankerTests {
    /// A distribution of `count` buyers with spends drawn from `values` (many ties when it is small).
    static func distribution(count: Int, values: Int64, seed: UInt64) -> RFMDistribution {
        var state = seed
        var distribution = RFMDistribution()
        distribution.startBulk()
        for k in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let spend = Int64((state >> 33) % UInt64(values))
            distribution.add(lastDay: Int32(k % 30), frequency: 1 + k % 4, monetary: spend, sign: 1)
        }
        distribution.finishBulk()
        return distribution
    }

    @Test(
        "equal to 1 + ⌊5 · buyers spending less / buyers⌋ and to ‘fewer than the share spent more’, for every spend",
        arguments: [(1, 5), (2, 3), (5, 1_000), (7, 2), (10, 10), (999, 50), (1_000, 1_000_000), (4_321, 7)])
    func definitions(buyers: Int, values: Int) {
        let distribution = Self.distribution(count: buyers, values: Int64(values), seed: UInt64(buyers * 31 + values))
        let ranker = distribution.ranker()
        let n = distribution.buyers
        var mismatches = 0
        for spend in Int64(-1)...Int64(min(values, 3_000) + 1) {
            let below = distribution.buyersWithMonetary(below: spend)
            let score = ranker.score(lastDay: 3, frequency: 1, monetary: spend)
            if score.monetary != RFMScore.quintile(below: below, of: n) { mismatches += 1 }
            for basisPoints in [0, 1, 100, 1_000, 2_000, 3_333, 5_000, 9_999, 10_000] {
                let top = distribution.buyersWithMonetary(above: spend) * 10_000 < n * Int64(basisPoints)
                if ranker.isTop(monetary: spend, basisPoints: basisPoints) != top { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }
}
