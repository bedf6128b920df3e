/// The true parameters of the BG/NBD purchase process, with time in weeks.
///
/// Each customer buys at rate λ ~ Gamma(shape `r`, rate `alpha`) per week while alive (a Poisson process),
/// and after each repeat purchase drops out for good with probability p ~ Beta(`a`, `b`).
public struct BGNBDParameters: Sendable, Hashable {
    /// Shape of the purchase rates across customers.
    public var r: Double
    /// Rate of the purchase rates across customers (in weeks).
    public var alpha: Double
    /// First shape of the drop-out probabilities across customers.
    public var a: Double
    /// Second shape of the drop-out probabilities across customers.
    public var b: Double

    /// Creates the parameters.
    public init(r: Double, alpha: Double, a: Double, b: Double) {
        self.r = r
        self.alpha = alpha
        self.a = a
        self.b = b
    }

    /// The population's mean purchase rate, r/α purchases per week.
    public var meanPurchaseRatePerWeek: Double { r / alpha }

    /// The population's mean drop-out probability, a/(a+b).
    public var meanDropoutProbability: Double { a / (a + b) }
}
