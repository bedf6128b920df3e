/// The Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and 0 ≤ z < 1, the special
/// function in the Pareto/NBD likelihood and in the BG/NBD conditional expectation.
///
/// The power series Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ converges ever more slowly as z → 1 and, when c − a − b < 0,
/// the function itself grows like (1 − z)^(c−a−b), which overflows for the large a, b of frequent buyers.
/// So, in this order:
/// 1. **Euler's transformation** ₂F₁(a, b; c; z) = (1 − z)^(c−a−b) ₂F₁(c − a, c − b; c; z) whenever
///    c − a − b < 0: the growth goes into a logarithmic scale and the remaining function is bounded on
///    [0, 1) (finite at z = 1 as c − a − b > 0 there).
/// 2. For z ≤ ½ the power series (terms shrink at least like 2⁻ⁿ once n exceeds a and b).
/// 3. For z > ½ **analytic continuation** along [½, z] with the hypergeometric differential equation
///    z(1 − z)f″ + [c − (a + b + 1)z]f′ − ab f = 0: Taylor steps of half the distance to the singular
///    point 1, each series again converging like 2⁻ⁿ, about log₂(1/(1 − z)) steps.
///
/// The usual alternative for z near 1, the 1 − z connection formula (Abramowitz & Stegun 15.3.6), is
/// singular when c − a − b is an integer — s = 1 or integer r + x in the Pareto/NBD — and loses digits
/// close to it; the continuation has no such case. Everything is generic over `LikelihoodScalar`, so the
/// same code gives exact derivatives with respect to a, b, c and z for the optimizer.
enum GaussHypergeometric {
    /// ₂F₁(a, b; c; z) as `exp(logScale) * mantissa`; requires c > 0 and 0 ≤ z < 1.
    static func scaled<S: LikelihoodScalar>(a: S, b: S, c: S, z: S) -> (logScale: S, mantissa: S) {
        precondition(c.value > 0 && z.value >= 0 && z.value < 1, "2F1 needs c > 0 and 0 <= z < 1")
        if z.value == 0 { return (S(0), S(1)) }
        var a = a
        var b = b
        var logScale = S(0)
        let excess = c - a - b
        if excess.value < 0 {
            logScale = excess * S.log1p(-z)
            (a, b) = (c - a, c - b)
        }
        if z.value <= continuationStart {
            return (logScale, series(a: a, b: b, c: c, z: z).value)
        }
        return (logScale, continued(a: a, b: b, c: c, z: z))
    }

    /// log ₂F₁(a, b; c; z) where the function is positive (always so when a, b, c > 0).
    static func log<S: LikelihoodScalar>(a: S, b: S, c: S, z: S) -> S {
        let (logScale, mantissa) = scaled(a: a, b: b, c: c, z: z)
        return logScale + S.log(mantissa)
    }

    /// Where the power series hands over to the continuation.
    static let continuationStart = 0.5
    /// Relative size of the last term kept.
    private static let tolerance = 1e-17

    /// The power series and its derivative.
    static func series<S: LikelihoodScalar>(a: S, b: S, c: S, z: S) -> (value: S, derivative: S) {
        var term = S(1)
        var sum = S(1)
        var derivativeSum = S(0)  // Σ n tₙ; the derivative is this over z
        var n = 0.0
        while n < 100_000 {
            let ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z
            term = term * ratio
            n += 1
            sum = sum + term
            derivativeSum = derivativeSum + term * n
            let size = abs(term.value) * max(1, n)
            if size == 0 || (abs(ratio.value) < 1 && size <= tolerance * abs(sum.value)) { break }
        }
        let derivative = z.value == 0 ? a * b / c : derivativeSum / z
        return (sum, derivative)
    }

    /// Analytic continuation from `continuationStart` to `z` along the real axis.
    private static func continued<S: LikelihoodScalar>(a: S, b: S, c: S, z: S) -> S {
        var point = continuationStart
        var (value, derivative) = series(a: a, b: b, c: c, z: S(point))
        while true {
            let room = 0.5 * (1 - point)
            if z.value - point <= room {
                return taylorStep(a: a, b: b, c: c, from: point, step: z - point, value: value, derivative: derivative)
                    .value
            }
            (value, derivative) = taylorStep(
                a: a, b: b, c: c, from: point, step: S(room), value: value, derivative: derivative)
            point += room
        }
    }

    /// One Taylor step of the hypergeometric equation from `point` (value and derivative known there).
    private static func taylorStep<S: LikelihoodScalar>(
        a: S, b: S, c: S, from point: Double, step h: S, value: S, derivative: S
    ) -> (value: S, derivative: S) {
        // z(1 − z) = p0 + p1 t + p2 t², c − (a + b + 1)z = q0 + q1 t, with z = point + t.
        let p0 = point * (1 - point)
        let p1 = 1 - 2 * point
        let q1 = -(a + b + 1)
        let q0 = c + q1 * point
        let r = -(a * b)
        // Scaled coefficients dₖ = cₖ hᵏ, so the sums are Σ dₖ and h f′ = Σ k dₖ.
        var previous = value
        var current = derivative * h
        var sum = previous + current
        var slope = current
        let h2 = h * h
        var k = 0.0
        while k < 5_000 {
            let next =
                -(((k * (k + 1) * p1) + q0 * (k + 1)) * current * h + ((k * (k - 1) * -1) + q1 * k + r) * previous * h2)
                / (p0 * (k + 1) * (k + 2))
            k += 1
            previous = current
            current = next
            sum = sum + current
            slope = slope + current * (k + 1)
            let size = (abs(previous.value) + abs(current.value)) * (k + 2)
            if size <= tolerance * (abs(sum.value) + abs(slope.value)) { break }
        }
        return (sum, slope / h)
    }
}
