/// Where a minimizer stopped and why.
struct OptimizationOutcome: Sendable {
    /// The best point found.
    var point: [Double]
    /// The objective there.
    var value: Double
    /// The largest absolute gradient component there (0 when the minimizer does not use gradients).
    var gradientNorm: Double
    /// Iterations made.
    var iterations: Int
    /// Objective evaluations made.
    var evaluations: Int
    /// Whether the stopping rule for a minimum was met (rather than a limit or a failed line search).
    var converged: Bool
    /// BFGS's approximation of the inverse Hessian at `point` (empty for minimizers without one): where a
    /// further run near this point can start its curvature from.
    var inverseHessian: [[Double]] = []
}

/// An objective for the minimizers: value and gradient at a point (the gradient may be ignored).
typealias ObjectiveFunction = ([Double]) -> (value: Double, gradient: [Double])
