import Foundation

extension GammaGammaModel {
    /// Log of the density of the mean m̄ of x transactions:
    /// Γ(px+q)/(Γ(px)Γ(q)) γ^q m̄^(px−1) x^(px) / (γ + m̄x)^(px+q).
    static func logLikelihood<S: LikelihoodScalar>(p: S, q: S, gamma: S, x: Double, m: Double) -> S {
        let px = p * x
        let constant = S.logGamma(px + q) - S.logGamma(px) - S.logGamma(q) + q * S.log(gamma)
        return constant + (px - 1) * Foundation.log(m) + px * Foundation.log(x) - (px + q) * S.log(gamma + m * x)
    }

    /// The summed log-likelihood; terms in x alone once per distinct x.
    static func logLikelihood<S: LikelihoodScalar>(p: S, q: S, gamma: S, histories: SpendHistories) -> S {
        var total = (q * S.log(gamma) - S.logGamma(q)) * Double(histories.count)
        for run in histories.runs {
            let x = run.frequency
            let px = p * x
            let weight = Double(run.range.count)
            total =
                total + (S.logGamma(px + q) - S.logGamma(px) + px * Foundation.log(x)) * weight
                + (px - 1) * run.sumLogValue
            var sum = S(0)
            for i in run.range { sum = sum + S.log(gamma + histories.meanValue[i] * x) }
            total = total - (px + q) * sum
        }
        return total
    }
}

/// Repeat buyers' (x, m̄), sorted by x, with Σ log m̄ per distinct x.
struct SpendHistories: Sendable {
    var meanValue: [Double] = []
    var runs: [(frequency: Double, range: Range<Int>, sumLogValue: Double)] = []
    var count: Int { meanValue.count }

    /// No histories yet.
    init() {}

    /// Keeps the customers with x > 0 and m̄ > 0 (finite); the others carry no spend information.
    init(frequency: [Int], meanValue m: [Double]) {
        let kept = frequency.indices.filter { frequency[$0] > 0 && m[$0] > 0 && m[$0].isFinite }
            .sorted { frequency[$0] < frequency[$1] }
        var start = 0
        for (position, i) in kept.enumerated() {
            meanValue.append(m[i])
            let next = position + 1
            if next == kept.count || frequency[kept[next]] != frequency[i] {
                let range = start..<next
                let sumLog = range.reduce(0) { $0 + Foundation.log(meanValue[$1]) }
                runs.append((Double(frequency[i]), range, sumLog))
                start = next
            }
        }
    }
}
