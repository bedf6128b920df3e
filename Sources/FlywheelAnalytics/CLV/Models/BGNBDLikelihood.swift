/// BG/NBD's summed log-likelihood over grouped histories, prepared once for the optimizer's many
/// evaluations: exactly `BGNBDModel.logLikelihood(r:alpha:a:b:groups:)`, to the last bit, but cheaper.
///
/// - **Logs per distinct time.** log(α + tₓ) and log(α + T) depend on the time alone, and a few hundred
///   thousand histories have only some thousand distinct times (days in weeks): each is computed once per
///   evaluation in a table (`times`) and looked up per history — the same function of the same numbers.
/// - **Terms on every core.** With `parts` > 1 the histories' terms are computed in consecutive ranges on
///   threads of their own (`ThreadedWork`) and then added up in the serial order, so every sum is the same.
/// - **One buffer for the terms.** The terms go to memory kept for the likelihood's whole life (`scratch`),
///   not to a fresh array per evaluation (a fresh mapping of megabytes whose pages all fault again).
struct BGNBDLikelihood: Sendable {
    let groups: PurchaseHistoryGroups
    /// Threads per evaluation.
    let parts: Int
    /// The distinct values among the groups' tₓ and T (−0 and +0 as one: α + −0 = α + 0).
    let times: [Double]
    /// Each group's tₓ and T as indexes into `times`.
    let recencyTime: [Int32]
    let ageTime: [Int32]
    private let bounds: [Int]
    /// `groups.totalWeight`, summed once.
    private let totalWeight: Double
    private let scratch = ScratchBuffer()

    init(groups: PurchaseHistoryGroups, parts: Int) {
        self.groups = groups
        self.parts = max(1, parts)
        var times: [Double] = []
        var index: [UInt64: Int32] = [:]
        func time(_ value: Double) -> Int32 {
            let key = (value + 0).bitPattern
            if let known = index[key] { return known }
            let new = Int32(times.count)
            index[key] = new
            times.append(value)
            return new
        }
        recencyTime = groups.recency.map(time)
        ageTime = groups.age.map(time)
        self.times = times
        totalWeight = groups.totalWeight
        bounds = (0...self.parts).map { groups.count * $0 / max(1, parts) }
    }

    /// The summed log-likelihood at (r, α, a, b).
    func callAsFunction<S: LikelihoodScalar>(r: S, alpha: S, a: S, b: S) -> S {
        let logs = times.map { S.log(alpha + $0) }
        return scratch.withBuffer(of: S.self, count: groups.count) { buffer in
            let terms = SharedPointer(elements: buffer)
            ThreadedWork.run(parts: parts) { [self] part in
                let range = bounds[part]..<bounds[part + 1]
                let out = terms.elements
                logs.withUnsafeBufferPointer { logs in
                    recencyTime.withUnsafeBufferPointer { recency in
                        ageTime.withUnsafeBufferPointer { age in
                            groups.weight.withUnsafeBufferPointer { weight in
                                for run in groups.runs where run.range.overlaps(range) {
                                    let x = run.frequency
                                    let logDropOdds = x > 0 ? S.log(a) - S.log(b + (x - 1)) : S(0)
                                    for i in run.range.clamped(to: range) {
                                        let term = BGNBDModel.logMixture(
                                            r: r, a: a, b: b, x: x, logAlphaTx: logs[Int(recency[i])],
                                            logAlphaT: logs[Int(age[i])], logDropOdds: logDropOdds)
                                        out[i] = term * weight[i]
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return total(r: r, alpha: alpha, a: a, b: b, terms: UnsafeBufferPointer(buffer))
        }
    }

    /// The sums of `logLikelihood(r:alpha:a:b:groups:)`, in its order, from the groups' terms.
    private func total<S: LikelihoodScalar>(r: S, alpha: S, a: S, b: S, terms out: UnsafeBufferPointer<S>) -> S {
        var total = (S.logGamma(a + b) - S.logGamma(b) - S.logGamma(r) + r * S.log(alpha)) * totalWeight
        for run in groups.runs {
            let x = run.frequency
            total = total + (S.logGamma(r + x) + S.logGamma(b + x) - S.logGamma(a + b + x)) * run.weight
            var sum = S(0)
            for i in run.range { sum = sum + out[i] }
            total = total + sum
        }
        return total
    }
}
