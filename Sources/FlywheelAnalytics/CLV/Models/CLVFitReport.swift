/// How a maximum-likelihood fit of a CLV model went.
public struct CLVFitReport: Sendable, Hashable, Codable {
    /// The maximised log-likelihood, summed over the customers (in the data's time and money units).
    public var logLikelihood: Double
    /// Customers the likelihood was summed over.
    public var customers: Int
    /// Optimizer iterations, over all stages.
    public var iterations: Int
    /// Likelihood evaluations (each with its gradient), over all stages.
    public var evaluations: Int
    /// Whether the optimizer's convergence test was met: the gradient of the mean log-likelihood with
    /// respect to the log-parameters vanished (below 1e-8, or below 1e-6 once progress stalled at
    /// floating-point noise).
    public var converged: Bool
    /// The largest absolute component of that gradient at the returned parameters.
    public var gradientNorm: Double
    /// The stages run: `BFGS`, or `BFGS, Nelder-Mead, BFGS` when the first did not converge.
    public var method: String

    /// A report with every field given.
    public init(
        logLikelihood: Double, customers: Int, iterations: Int, evaluations: Int, converged: Bool,
        gradientNorm: Double, method: String
    ) {
        self.logLikelihood = logLikelihood
        self.customers = customers
        self.iterations = iterations
        self.evaluations = evaluations
        self.converged = converged
        self.gradientNorm = gradientNorm
        self.method = method
    }
}
