import Foundation

/// Special functions the CLV models need beyond Foundation's `lgamma`.
enum SpecialFunctions {
    /// The digamma function ψ(x) = d/dx log Γ(x), to about 1e-15 relative for x > 0 (recurrence up to
    /// x ≥ 10, then the asymptotic series); reflection for negative non-integers.
    static func digamma(_ x: Double) -> Double {
        guard x.isFinite else { return x == .infinity ? .infinity : .nan }
        if x <= 0 {
            if x == x.rounded() { return .nan }
            // ψ(1 − x) − ψ(x) = π cot(πx)
            return digamma(1 - x) - Double.pi / tan(Double.pi * x)
        }
        var y = x
        var shift = 0.0
        while y < 10 {
            shift -= 1 / y
            y += 1
        }
        let inverse = 1 / y
        let inverse2 = inverse * inverse
        // Bernoulli terms: 1/12, 1/120, 1/252, 1/240, 1/132, 691/32760, 1/12.
        var series =
            1.0 / 12 - inverse2
            * (1.0 / 120 - inverse2
                * (1.0 / 252 - inverse2
                    * (1.0 / 240
                        - inverse2 * (1.0 / 132 - inverse2 * (691.0 / 32760 - inverse2 / 12)))))
        series *= inverse2
        return shift + Foundation.log(y) - 0.5 * inverse - series
    }
}
