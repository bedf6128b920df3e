import Foundation
import Testing

@testable import FlywheelAnalytics

@Suite("Samples of purchase and spend histories (for a fit's pilot)")
struct HistorySampleTests {
    /// 30,000 customers over a few hundred distinct histories; the 6,000 one-time buyers (x = 0) all of one
    /// day, one group.
    static let groups: PurchaseHistoryGroups = {
        var x: [Int] = []
        var tx: [Double] = []
        var age: [Double] = []
        for i in 0..<30_000 {
            let frequency = i < 6_000 ? 0 : 1 + i % 6
            x.append(frequency)
            tx.append(frequency == 0 ? 0 : Double(i % 40 + frequency))
            age.append(i < 6_000 ? 60 : Double(50 + i % 13))
        }
        return PurchaseHistoryGroups(frequency: x, recency: tx, age: age)
    }()

    @Test("one in k customers, heavy groups keeping their share; order and runs as in the whole")
    func purchaseHistories() {
        let whole = Self.groups
        for k in [8, 16, 64] {
            let sample = whole.sample(oneIn: k)
            #expect(abs(sample.totalWeight - whole.totalWeight / Double(k)) <= whole.totalWeight / Double(k) * 0.05)
            // The 6,000 one-time buyers of a day are one group: it keeps ⌊(6000 + φ)/k⌋.
            let heavy = sample.weight[0]
            #expect(sample.frequency[0] == 0 && abs(heavy - 6_000 / Double(k)) < 1)
            // Every sampled group is one of the whole's, in the whole's order; runs cover the groups by x.
            var j = 0
            for i in 0..<sample.count {
                while !(whole.frequency[j] == sample.frequency[i] && whole.recency[j] == sample.recency[i]
                    && whole.age[j] == sample.age[i])
                {
                    j += 1
                }
                #expect(sample.weight[i] >= 1 && sample.weight[i] <= (whole.weight[j] + Double(k) - 1) / Double(k))
            }
            #expect(sample.runs.map(\.range.count).reduce(0, +) == sample.count)
            for run in sample.runs {
                #expect(run.range.allSatisfy { sample.frequency[$0] == run.frequency })
                #expect(run.weight == run.range.reduce(0) { $0 + sample.weight[$1] })
            }
            #expect(Set(sample.runs.map(\.frequency)).count == sample.runs.count)
            // Deterministic.
            #expect(whole.sample(oneIn: k).weight == sample.weight)
        }
        #expect(whole.sample(oneIn: 1).weight == whole.weight)
    }

    @Test("spend histories: every k-th repeat buyer, runs with their Σ log m̄")
    func spendHistories() {
        let frequency = (0..<10_000).map { $0 % 5 }
        let mean = (0..<10_000).map { 10 + Double($0 % 97) }
        let whole = SpendHistories(frequency: frequency, meanValue: mean)
        let sample = whole.sample(oneIn: 8)
        #expect(sample.count == whole.count / 8)
        #expect(sample.runs.count == whole.runs.count)
        for (run, wholeRun) in zip(sample.runs, whole.runs) {
            #expect(run.frequency == wholeRun.frequency)
            let expected = run.range.reduce(0.0) { $0 + Foundation.log(sample.meanValue[$1]) }
            #expect(abs(run.sumLogValue - expected) < 1e-9)
            #expect(run.range.allSatisfy { i in wholeRun.range.contains { whole.meanValue[$0] == sample.meanValue[i] } })
        }
        #expect(whole.sample(oneIn: 1).meanValue == whole.meanValue)
    }
}
