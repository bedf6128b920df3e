extension BGNBDModel {
    /// FHL (2005) eq. (6) in log space for one history:
    /// log B(a, b+x)/B(a, b) + log Γ(r+x)αʳ/Γ(r) + log[(α+T)^−(r+x) + [x > 0] a/(b+x−1) (α+tₓ)^−(r+x)].
    static func logLikelihood<S: LikelihoodScalar>(r: S, alpha: S, a: S, b: S, x: Double, tx: Double, T: Double) -> S {
        let constant =
            S.logGamma(r + x) - S.logGamma(r) + r * S.log(alpha)
            + S.logGamma(a + b) + S.logGamma(b + x) - S.logGamma(b) - S.logGamma(a + b + x)
        return constant + logMixture(r: r, alpha: alpha, a: a, b: b, x: x, tx: tx, T: T, logDropOdds: nil)
    }

    /// The summed log-likelihood over grouped histories; the log-gamma terms once per distinct x.
    static func logLikelihood<S: LikelihoodScalar>(r: S, alpha: S, a: S, b: S, groups: PurchaseHistoryGroups) -> S {
        var total = (S.logGamma(a + b) - S.logGamma(b) - S.logGamma(r) + r * S.log(alpha)) * groups.totalWeight
        for run in groups.runs {
            let x = run.frequency
            total = total + (S.logGamma(r + x) + S.logGamma(b + x) - S.logGamma(a + b + x)) * run.weight
            let logDropOdds = x > 0 ? S.log(a) - S.log(b + (x - 1)) : S(0)
            var sum = S(0)
            for i in run.range {
                let term = logMixture(
                    r: r, alpha: alpha, a: a, b: b, x: x, tx: groups.recency[i], T: groups.age[i],
                    logDropOdds: logDropOdds)
                sum = sum + term * groups.weight[i]
            }
            total = total + sum
        }
        return total
    }

    @inline(__always)
    static func logMixture<S: LikelihoodScalar>(
        r: S, alpha: S, a: S, b: S, x: Double, tx: Double, T: Double, logDropOdds: S?
    ) -> S {
        logMixture(
            r: r, a: a, b: b, x: x, logAlphaTx: x > 0 ? S.log(alpha + tx) : S(0), logAlphaT: S.log(alpha + T),
            logDropOdds: logDropOdds)
    }

    /// `logMixture` from log(α + tₓ) (read only for x > 0) and log(α + T): `BGNBDLikelihood` takes them from
    /// a table of the distinct times.
    @inline(__always)
    static func logMixture<S: LikelihoodScalar>(
        r: S, a: S, b: S, x: Double, logAlphaTx: S, logAlphaT: S, logDropOdds: S?
    ) -> S {
        let rx = r + x
        let survived = -(rx * logAlphaT)
        guard x > 0 else { return survived }
        let dropOdds = logDropOdds ?? (S.log(a) - S.log(b + (x - 1)))
        return S.logAddExp(survived, dropOdds - rx * logAlphaTx)
    }
}
