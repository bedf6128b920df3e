extension PurchaseHistoryGroups {
    /// About one customer in `k`: each group keeps ⌊(w + φ) / k⌋ of its w customers, φ a fixed
    /// pseudo-random phase in 0..<k per group — w/k on average, so heavy groups (every one-time buyer of a
    /// day) keep their share and light ones are kept or dropped whole. Groups left empty are dropped;
    /// order and runs as in the whole. Deterministic: the same groups give the same sample.
    func sample(oneIn k: Int) -> PurchaseHistoryGroups {
        precondition(k >= 1, "a sample keeps one in k ≥ 1 customers")
        var sample = PurchaseHistoryGroups()
        var runStart = 0
        for run in runs {
            for i in run.range {
                let phase = Double(((UInt64(i) &* 0x9E37_79B9_7F4A_7C15) >> 32) % UInt64(k))
                let kept = ((weight[i] + phase) / Double(k)).rounded(.down)
                guard kept > 0 else { continue }
                sample.frequency.append(frequency[i])
                sample.recency.append(recency[i])
                sample.age.append(age[i])
                sample.weight.append(kept)
            }
            if sample.count > runStart {
                let range = runStart..<sample.count
                sample.runs.append((run.frequency, range, range.reduce(0) { $0 + sample.weight[$1] }))
                runStart = sample.count
            }
        }
        return sample
    }
}
