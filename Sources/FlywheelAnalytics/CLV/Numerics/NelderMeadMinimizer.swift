/// Derivative-free simplex minimization (Nelder & Mead 1965, with the standard coefficients): the fallback
/// when the quasi-Newton method stops without meeting its convergence test, e.g. after wandering into a
/// region where the likelihood underflows. Only objective values are used.
struct NelderMeadMinimizer: Sendable {
    /// Initial simplex: the start and one point `initialStep` away along each axis.
    var initialStep = 0.5
    /// Stop when the simplex's values differ by at most this (relative) and its points by at most `pointTolerance`.
    var valueTolerance = 1e-13
    /// See `valueTolerance`.
    var pointTolerance = 1e-8
    /// Evaluation limit.
    var maxEvaluations = 5_000

    func minimize(from start: [Double], _ objective: ObjectiveFunction) -> OptimizationOutcome {
        let n = start.count
        var evaluations = 0
        func f(_ x: [Double]) -> Double {
            evaluations += 1
            let value = objective(x).value
            return value.isFinite ? value : .infinity
        }
        var simplex = [start]
        for i in 0..<n {
            var vertex = start
            vertex[i] += initialStep
            simplex.append(vertex)
        }
        var values = simplex.map(f)
        var iterations = 0
        var converged = false
        while evaluations < maxEvaluations {
            iterations += 1
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            let spread = abs(values[n] - values[0])
            let size =
                simplex.dropFirst().map { vertex in
                    zip(vertex, simplex[0]).reduce(0) { max($0, abs($1.0 - $1.1)) }
                }.max() ?? 0
            if values[0].isFinite, spread <= valueTolerance * max(1, abs(values[0])), size <= pointTolerance {
                converged = true
                break
            }
            let centroid = (0..<n).map { j in simplex[0..<n].reduce(0) { $0 + $1[j] } / Double(n) }
            func along(_ t: Double) -> [Double] { (0..<n).map { centroid[$0] + t * (simplex[n][$0] - centroid[$0]) } }
            let reflected = along(-1)
            let reflectedValue = f(reflected)
            if reflectedValue < values[0] {
                let expanded = along(-2)
                let expandedValue = f(expanded)
                if expandedValue < reflectedValue {
                    simplex[n] = expanded
                    values[n] = expandedValue
                } else {
                    simplex[n] = reflected
                    values[n] = reflectedValue
                }
            } else if reflectedValue < values[n - 1] {
                simplex[n] = reflected
                values[n] = reflectedValue
            } else {
                let outside = reflectedValue < values[n]
                let contracted = along(outside ? -0.5 : 0.5)
                let contractedValue = f(contracted)
                if contractedValue < min(reflectedValue, values[n]) {
                    simplex[n] = contracted
                    values[n] = contractedValue
                } else {
                    for i in 1...n {
                        simplex[i] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[i][$0] - simplex[0][$0]) }
                        values[i] = f(simplex[i])
                    }
                }
            }
        }
        let best = values.indices.min { values[$0] < values[$1] } ?? 0
        return OptimizationOutcome(
            point: simplex[best], value: values[best], gradientNorm: 0, iterations: iterations,
            evaluations: evaluations, converged: converged)
    }
}
