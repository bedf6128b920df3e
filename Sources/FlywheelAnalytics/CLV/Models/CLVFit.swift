/// A fitted CLV model and how the fit went.
public struct CLVFit<Model: Sendable & Hashable>: Sendable, Hashable {
    /// The maximum-likelihood parameters.
    public var model: Model
    /// Log-likelihood, iterations, convergence.
    public var report: CLVFitReport

    /// A fit result.
    public init(model: Model, report: CLVFitReport) {
        self.model = model
        self.report = report
    }
}
