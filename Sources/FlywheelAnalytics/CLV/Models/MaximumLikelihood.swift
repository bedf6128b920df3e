import Foundation

/// Maximum likelihood on log-parameters: BFGS with exact gradients (forward-mode differentiation through
/// the log-likelihood), and when BFGS stops short of its convergence test, Nelder-Mead from its best point
/// followed by BFGS again. A `LikelihoodPilot` (large fits) first fits a sample and starts there.
enum MaximumLikelihood {
    /// The parameters (not logged) at the maximum and the report. `logLikelihood` gets the parameters as
    /// dual numbers and returns the summed log-likelihood; `customers` scales it to a mean for the optimizer.
    /// `firstStage` is the quasi-Newton run tried first (tests limit it to exercise the fallback); `pilot`,
    /// the same likelihood on a sample, fitted first so the full fit starts at its maximum.
    static func fit(
        start: [Double], customers: Double, model: String, firstStage: BFGSMinimizer = BFGSMinimizer(),
        pilot: LikelihoodPilot? = nil, logLikelihood: @escaping ([GradientDual]) -> GradientDual
    ) throws(CLVError) -> (parameters: [Double], report: CLVFitReport) {
        let objective = Self.objective(logLikelihood, customers: customers)
        var iterations = 0
        var evaluations = 0
        // With a pilot: the sample's maximum and curvature first, then the full data from there. The
        // report counts the full data's iterations and evaluations.
        if let pilot {
            let sample = firstStage.minimize(
                from: pilot.start.map { Foundation.log($0) }, Self.objective(pilot.logLikelihood, customers: pilot.customers))
            if sample.converged {
                let warm = firstStage.minimize(from: sample.point, inverseHessian: sample.inverseHessian, objective)
                if warm.converged && warm.value.isFinite {
                    return (warm.point.map { Foundation.exp($0) }, report(warm, customers: customers, method: pilot.method))
                }
                iterations += warm.iterations
                evaluations += warm.evaluations
            }
        }
        let logStart = start.map { Foundation.log($0) }
        guard objective(logStart).value.isFinite else { throw .likelihoodNotFinite(model: model) }
        var outcome = firstStage.minimize(from: logStart, objective)
        iterations += outcome.iterations
        evaluations += outcome.evaluations
        var method = "BFGS"
        if !outcome.converged {
            let simplex = NelderMeadMinimizer().minimize(
                from: outcome.value.isFinite ? outcome.point : logStart, objective)
            let polished = BFGSMinimizer().minimize(from: simplex.point, objective)
            iterations += simplex.iterations + polished.iterations
            evaluations += simplex.evaluations + polished.evaluations
            method = "BFGS, Nelder-Mead, BFGS"
            if polished.value <= outcome.value || !outcome.value.isFinite { outcome = polished }
        }
        guard outcome.value.isFinite else { throw .likelihoodNotFinite(model: model) }
        outcome.iterations = iterations
        outcome.evaluations = evaluations
        return (outcome.point.map { Foundation.exp($0) }, report(outcome, customers: customers, method: method))
    }

    /// The mean negative log-likelihood over log-parameters, with its gradient.
    private static func objective(_ logLikelihood: @escaping ([GradientDual]) -> GradientDual, customers: Double)
        -> ObjectiveFunction
    {
        { theta in
            let parameters = theta.indices.map { GradientDual.exp(GradientDual.variable(theta[$0], index: $0)) }
            let ll = logLikelihood(parameters)
            return (-ll.value / customers, theta.indices.map { -ll.gradient[$0] / customers })
        }
    }

    private static func report(_ outcome: OptimizationOutcome, customers: Double, method: String) -> CLVFitReport {
        CLVFitReport(
            logLikelihood: -outcome.value * customers, customers: Int(customers.rounded()),
            iterations: outcome.iterations, evaluations: outcome.evaluations, converged: outcome.converged,
            gradientNorm: outcome.gradientNorm, method: method)
    }
}
