/// The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV: Using
/// Iso-Value Curves for Customer Base Analysis"; Fader & Hardie's note "The Gamma-Gamma Model of Monetary
/// Value", 2013): each transaction's value is Gamma(shape p, rate ν) with ν ~ Gamma(shape q, rate γ) per
/// customer, independent of the purchase process. Fitted on repeat transactions' mean values.
public struct GammaGammaModel: Hashable, Codable, Sendable {
    /// Shape of the per-transaction value distribution.
    public var p: Double
    /// Shape of the customers' ν distribution.
    public var q: Double
    /// Rate of the customers' ν distribution, in the data's money unit.
    public var gamma: Double

    /// A model with the given parameters, all positive.
    public init(p: Double, q: Double, gamma: Double) {
        self.p = p
        self.q = q
        self.gamma = gamma
    }

    /// The population's mean transaction value pγ/(q − 1) (infinite when q ≤ 1).
    public var populationMeanValue: Double { q > 1 ? p * gamma / (q - 1) : .infinity }

    /// E[mean transaction value | x repeat transactions averaging m̄] = (γ + m̄x)p / (px + q − 1): a
    /// weighted mean of the population mean, weight (q − 1)/(px + q − 1), and the customer's own m̄. A
    /// customer without repeat transactions (x = 0) gets the population mean. Infinite when q ≤ 1.
    public func expectedAverageValue(frequency x: Int, meanValue m: Double) -> Double {
        let x = Double(x)
        let denominator = p * x + q - 1
        guard denominator > 0 else { return .infinity }
        return (gamma + m * x) * p / denominator
    }

    /// The log-likelihood of one customer's x > 0 repeat transactions averaging m̄ > 0 (note, eq. 5).
    public func logLikelihood(frequency x: Int, meanValue m: Double) -> Double {
        GammaGammaModel.logLikelihood(p: p, q: q, gamma: gamma, x: Double(x), m: m)
    }
}
