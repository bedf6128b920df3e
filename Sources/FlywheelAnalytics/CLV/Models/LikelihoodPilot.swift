/// The same model's log-likelihood on a sample of the customers, fitted before the full data so that the
/// full fit starts next to the maximum, with the sample's curvature (BFGS's inverse Hessian of the mean
/// log-likelihood, which the sample and the whole share). Large fits then take a few full evaluations
/// instead of twenty-odd; the result is the full data's maximum either way — the full fit runs to the same
/// convergence test, and falls back to a fit from the usual start when the warm one does not converge
/// (docs/performance.md, "Eleventh round").
struct LikelihoodPilot {
    /// One customer in `sampling` is in the sample.
    let sampling: Int
    /// Customers in the sample.
    let customers: Double
    /// The optimizer's start for the sample (parameters, not logged).
    let start: [Double]
    /// The sample's summed log-likelihood.
    let logLikelihood: ([GradientDual]) -> GradientDual

    /// Fits with fewer customers than this go straight to the full data: a sample would save little.
    static let minimumCustomers = 10_000
    /// The sample holds about this many customers (from one in 8 to one in 64).
    static let sampleCustomers = 2_500

    /// One in how many customers to sample for a fit on `customers`; nil when a fit that small needs no pilot.
    static func sampling(customers: Double) -> Int? {
        guard customers >= Double(minimumCustomers) else { return nil }
        return min(64, max(8, Int(customers / Double(sampleCustomers))))
    }

    /// The method's name in the fit's report.
    var method: String { "BFGS from the fit of a 1-in-\(sampling) sample" }
}

extension LikelihoodPilot {
    /// The pilot of a fit on `customers` customers — nil when the fit is too small for one (`sampling`):
    /// `sample(k)` gives the customers, the optimizer's start and the log-likelihood of the model on one
    /// customer in k.
    init?(
        customers: Double,
        sample: (_ oneIn: Int) -> (customers: Double, start: [Double], logLikelihood: ([GradientDual]) -> GradientDual)
    ) {
        guard let k = Self.sampling(customers: customers) else { return nil }
        let (sampleCustomers, start, logLikelihood) = sample(k)
        self.init(sampling: k, customers: sampleCustomers, start: start, logLikelihood: logLikelihood)
    }
}
