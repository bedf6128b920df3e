import Foundation

extension SpendHistories {
    /// Every `k`-th repeat buyer (a systematic sample in the histories' order: by x, then as given), with
    /// its runs and their Σ log m̄. Deterministic.
    func sample(oneIn k: Int) -> SpendHistories {
        precondition(k >= 1, "a sample keeps one in k ≥ 1 customers")
        var sample = SpendHistories()
        let offset = k / 2  // the sampled buyers: global positions ≡ offset (mod k)
        for run in runs {
            let start = sample.count
            var i = run.range.lowerBound + (offset - run.range.lowerBound % k + k) % k
            while i < run.range.upperBound {
                sample.meanValue.append(meanValue[i])
                i += k
            }
            guard sample.count > start else { continue }
            let range = start..<sample.count
            sample.runs.append((run.frequency, range, range.reduce(0) { $0 + Foundation.log(sample.meanValue[$1]) }))
        }
        return sample
    }
}
