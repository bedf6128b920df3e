/// Quasi-Newton minimization (BFGS with a strong-Wolfe line search, Nocedal & Wright 2006, algorithms 6.1,
/// 3.5 and 3.6) for the few parameters of a CLV model, on log-parameters so every point is valid.
///
/// Non-finite objective values (a likelihood that under- or overflows far from the optimum) count as "too
/// large", so the line search backs off instead of failing.
struct BFGSMinimizer: Sendable {
    /// Stop when every gradient component is at most this.
    var gradientTolerance = 1e-8
    /// Stop when an iteration improves the objective by less than this (relative) twice in a row.
    var valueTolerance = 1e-15
    /// The gradient size that still counts as converged when progress stops at floating-point noise (the
    /// objective no longer decreases measurably, or no step along the search direction decreases it).
    var stallGradientTolerance = 1e-6
    /// Iteration limit.
    var maxIterations = 500

    /// Minimizes from `start`. `inverseHessian` is a known approximation of the inverse Hessian near `start`
    /// (from a run on a similar objective): the first step then trusts it instead of starting from a scaled
    /// identity.
    func minimize(from start: [Double], inverseHessian: [[Double]]? = nil, _ objective: ObjectiveFunction)
        -> OptimizationOutcome
    {
        let n = start.count
        var x = start
        var (f, g) = objective(x)
        var evaluations = 1
        var outcome = OptimizationOutcome(
            point: x, value: f, gradientNorm: maxAbs(g), iterations: 0, evaluations: 1, converged: false)
        guard f.isFinite, g.allSatisfy(\.isFinite) else { return outcome }
        var h = identity(n)
        var firstStep = true
        if let inverseHessian, inverseHessian.count == n, inverseHessian.allSatisfy({ $0.count == n && $0.allSatisfy(\.isFinite) }) {
            h = inverseHessian
            firstStep = false
        }
        var stalls = 0
        for iteration in 1...maxIterations {
            outcome.iterations = iteration
            if maxAbs(g) <= gradientTolerance {
                outcome.converged = true
                break
            }
            var p = multiply(h, g).map { -$0 }
            var slope = dot(g, p)
            if !(slope < 0) {  // not a descent direction: restart from steepest descent
                h = identity(n)
                p = g.map { -$0 }
                slope = dot(g, p)
            }
            // A Newton step along p lowers the objective by about |slope| / 2: when |slope| is below the
            // objective's own rounding, no line search can measure progress, and searching would only spend
            // evaluations (forty a try) on noise — a stall.
            if -slope <= 4 * Double.ulpOfOne * max(1, abs(f)) {
                outcome.converged = maxAbs(g) <= stallGradientTolerance
                break
            }
            // The first step moves each log-parameter by at most 1 (a factor e).
            let initial = firstStep ? min(1, 1 / max(maxAbs(p), 1e-300)) : 1
            guard
                let step = lineSearch(x: x, f: f, slope: slope, direction: p, initial: initial, objective, &evaluations)
            else {
                if !firstStep && !isIdentity(h) {  // try once more from steepest descent
                    h = identity(n)
                    continue
                }
                outcome.converged = maxAbs(g) <= stallGradientTolerance
                break
            }
            let s = (0..<n).map { step.alpha * p[$0] }
            let y = (0..<n).map { step.gradient[$0] - g[$0] }
            let improvement = f - step.value
            x = step.point
            f = step.value
            g = step.gradient
            outcome.point = x
            outcome.value = f
            outcome.gradientNorm = maxAbs(g)
            let sy = dot(s, y)
            if sy > 1e-12 * (dot(s, s).squareRoot() * dot(y, y).squareRoot()) {
                if firstStep { h = scaled(identity(n), by: sy / dot(y, y)) }
                h = update(h, s: s, y: y, rho: 1 / sy)
            }
            firstStep = false
            stalls = improvement <= valueTolerance * max(1, abs(f)) ? stalls + 1 : 0
            if stalls >= 2 {
                outcome.converged = maxAbs(g) <= stallGradientTolerance
                break
            }
        }
        outcome.evaluations = evaluations
        outcome.point = x
        outcome.value = f
        outcome.gradientNorm = maxAbs(g)
        outcome.inverseHessian = h
        if outcome.gradientNorm <= gradientTolerance { outcome.converged = true }
        return outcome
    }

    private struct Step {
        var alpha: Double
        var point: [Double]
        var value: Double
        var gradient: [Double]
    }

    /// Strong Wolfe line search (c1 = 1e-4, c2 = 0.9) with safeguarded cubic interpolation.
    private func lineSearch(
        x: [Double], f: Double, slope: Double, direction p: [Double], initial: Double,
        _ objective: ObjectiveFunction, _ evaluations: inout Int
    ) -> Step? {
        let c1 = 1e-4
        let c2 = 0.9
        func evaluate(_ alpha: Double) -> Step {
            let point = (0..<x.count).map { x[$0] + alpha * p[$0] }
            let (value, gradient) = objective(point)
            evaluations += 1
            let finite = value.isFinite && gradient.allSatisfy(\.isFinite)
            return Step(alpha: alpha, point: point, value: finite ? value : .infinity, gradient: gradient)
        }
        func sufficient(_ s: Step) -> Bool { s.value <= f + c1 * s.alpha * slope }
        func curvature(_ s: Step) -> Double { dot(s.gradient, p) }

        func zoom(_ lowIn: Step, _ highIn: Step) -> Step? {
            var low = lowIn
            var high = highIn
            for _ in 0..<40 {
                let alpha = interpolate(low, high)
                let trial = evaluate(alpha)
                if !sufficient(trial) || trial.value >= low.value {
                    high = trial
                } else {
                    let d = curvature(trial)
                    if abs(d) <= -c2 * slope { return trial }
                    if d * (high.alpha - low.alpha) >= 0 { high = low }
                    low = trial
                }
                if abs(high.alpha - low.alpha) <= 1e-14 * max(1, abs(low.alpha)) { break }
            }
            return low.alpha > 0 && low.value < f ? low : nil
        }
        func interpolate(_ low: Step, _ high: Step) -> Double {
            let lo = low.alpha
            let hi = high.alpha
            let width = hi - lo
            var alpha = lo + 0.5 * width
            if high.value.isFinite {
                // Cubic through both values and slopes (Nocedal & Wright 3.59).
                let d0 = low.alpha == 0 ? slope : curvature(low)
                let d1 = curvature(high)
                let d1Term = d0 + d1 - 3 * (low.value - high.value) / (lo - hi)
                let radicand = d1Term * d1Term - d0 * d1
                if radicand >= 0 {
                    let d2 = (hi > lo ? 1.0 : -1.0) * radicand.squareRoot()
                    let candidate = hi - (hi - lo) * (d1 + d2 - d1Term) / (d1 - d0 + 2 * d2)
                    if candidate.isFinite { alpha = candidate }
                }
            } else {
                alpha = lo + 0.25 * width  // backtrack harder from a non-finite value
            }
            let margin = 0.1 * abs(width)
            return min(max(alpha, min(lo, hi) + margin), max(lo, hi) - margin)
        }

        var previous = Step(alpha: 0, point: x, value: f, gradient: [])
        var alpha = initial
        for i in 0..<40 {
            let trial = evaluate(alpha)
            if !sufficient(trial) || (i > 0 && trial.value >= previous.value) {
                return zoom(previous, trial)
            }
            let d = curvature(trial)
            if abs(d) <= -c2 * slope { return trial }
            if d >= 0 { return zoom(trial, previous) }
            previous = trial
            alpha *= 2
        }
        return previous.alpha > 0 ? previous : nil
    }
}

// Small dense linear algebra for n ≤ 4.
private func dot(_ u: [Double], _ v: [Double]) -> Double {
    var sum = 0.0
    for i in u.indices { sum += u[i] * v[i] }
    return sum
}

private func maxAbs(_ v: [Double]) -> Double { v.reduce(0) { max($0, abs($1)) } }

private func identity(_ n: Int) -> [[Double]] {
    (0..<n).map { i in (0..<n).map { $0 == i ? 1 : 0 } }
}

private func isIdentity(_ m: [[Double]]) -> Bool { m == identity(m.count) }

private func scaled(_ m: [[Double]], by factor: Double) -> [[Double]] { m.map { $0.map { $0 * factor } } }

private func multiply(_ m: [[Double]], _ v: [Double]) -> [Double] { m.map { dot($0, v) } }

/// The BFGS update of the inverse Hessian: (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ.
private func update(_ h: [[Double]], s: [Double], y: [Double], rho: Double) -> [[Double]] {
    let n = s.count
    let hy = multiply(h, y)
    let yhy = dot(y, hy)
    var result = h
    for i in 0..<n {
        for j in 0..<n {
            result[i][j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j]
        }
    }
    return result
}
