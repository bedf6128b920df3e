extension ParetoNBDModel {
    /// log A₀ of Fader & Hardie's note (2005), eq. (19)–(20), where
    /// A₀ = (r+s+x) ∫ from tₓ to T of (α+τ)^−(r+x) (β+τ)^−(s+1) dτ = F(tₓ) − F(T) with, for α ≥ β,
    /// F(y) = ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+y)) / (α+y)^(r+s+x), and for α < β,
    /// F(y) = ₂F₁(r+s+x, r+x; r+s+x+1; (β−α)/(β+y)) / (β+y)^(r+s+x). `-inf` when tₓ = T.
    static func logA0<S: LikelihoodScalar>(r: S, alpha: S, s: S, beta: S, x: Double, tx: Double, T: Double) -> S {
        let rsx = r + s + x
        let alphaLarger = alpha.value >= beta.value
        let larger = alphaLarger ? alpha : beta
        let difference = alphaLarger ? alpha - beta : beta - alpha
        let second = alphaLarger ? s + 1 : r + x
        func logF(_ y: Double) -> S {
            let base = larger + y
            return GaussHypergeometric.log(a: rsx, b: second, c: rsx + 1, z: difference / base) - rsx * S.log(base)
        }
        guard tx < T else { return S(-.infinity) }
        let atRecency = logF(tx)
        let gap = logF(T) - atRecency
        // F(tₓ) > F(T) mathematically; a gap at rounding level means tₓ ≈ T and A₀ ≈ 0.
        guard gap.value < 0 else { return S(-.infinity) }
        return atRecency + S.log1mExp(gap)
    }

    /// Note (2005) eq. (18) in log space for one history:
    /// log Γ(r+x)αʳβˢ/Γ(r) + log[(α+T)^−(r+x) (β+T)^−s + s/(r+s+x) A₀].
    static func logLikelihood<S: LikelihoodScalar>(r: S, alpha: S, s: S, beta: S, x: Double, tx: Double, T: Double) -> S
    {
        let constant = S.logGamma(r + x) - S.logGamma(r) + r * S.log(alpha) + s * S.log(beta)
        return constant + logBracket(r: r, alpha: alpha, s: s, beta: beta, x: x, tx: tx, T: T)
    }

    /// The summed log-likelihood over grouped histories.
    static func logLikelihood<S: LikelihoodScalar>(r: S, alpha: S, s: S, beta: S, groups: PurchaseHistoryGroups) -> S {
        var total = (r * S.log(alpha) + s * S.log(beta) - S.logGamma(r)) * groups.totalWeight
        for run in groups.runs {
            total = total + S.logGamma(r + run.frequency) * run.weight
            var sum = S(0)
            for i in run.range {
                let term = logBracket(
                    r: r, alpha: alpha, s: s, beta: beta, x: run.frequency, tx: groups.recency[i], T: groups.age[i])
                sum = sum + term * groups.weight[i]
            }
            total = total + sum
        }
        return total
    }

    private static func logBracket<S: LikelihoodScalar>(r: S, alpha: S, s: S, beta: S, x: Double, tx: Double, T: Double)
        -> S
    {
        let survived = -((r + x) * S.log(alpha + T)) - s * S.log(beta + T)
        let logA0 = logA0(r: r, alpha: alpha, s: s, beta: beta, x: x, tx: tx, T: T)
        guard logA0.value > -.infinity else { return survived }
        return S.logAddExp(survived, S.log(s) - S.log(r + s + x) + logA0)
    }
}
