import Foundation

/// Maximum likelihood on log-parameters: BFGS with exact gradients (forward-mode differentiation through
/// the log-likelihood), and when BFGS stops short of its convergence test, Nelder-Mead from its best point
/// followed by BFGS again.
enum MaximumLikelihood {
    /// The parameters (not logged) at the maximum and the report. `logLikelihood` gets the parameters as
    /// dual numbers and returns the summed log-likelihood; `customers` scales it to a mean for the optimizer.
    /// `firstStage` is the quasi-Newton run tried first (tests limit it to exercise the fallback).
    static func fit(
        start: [Double], customers: Double, model: String, firstStage: BFGSMinimizer = BFGSMinimizer(),
        logLikelihood: @escaping ([GradientDual]) -> GradientDual
    ) throws(CLVError) -> (parameters: [Double], report: CLVFitReport) {
        let objective: ObjectiveFunction = { theta in
            let parameters = theta.indices.map { GradientDual.exp(GradientDual.variable(theta[$0], index: $0)) }
            let ll = logLikelihood(parameters)
            return (-ll.value / customers, theta.indices.map { -ll.gradient[$0] / customers })
        }
        let logStart = start.map { Foundation.log($0) }
        guard objective(logStart).value.isFinite else { throw .likelihoodNotFinite(model: model) }
        var outcome = firstStage.minimize(from: logStart, objective)
        var iterations = outcome.iterations
        var evaluations = outcome.evaluations
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
        let report = CLVFitReport(
            logLikelihood: -outcome.value * customers, customers: Int(customers.rounded()), iterations: iterations,
            evaluations: evaluations, converged: outcome.converged, gradientNorm: outcome.gradientNorm, method: method)
        return (outcome.point.map { Foundation.exp($0) }, report)
    }
}
