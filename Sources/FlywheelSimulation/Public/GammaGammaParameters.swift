/// The true parameters of the Gamma-Gamma spend model, with money in euros (major units).
///
/// Each customer has a spend rate ν ~ Gamma(shape `q`, rate `gamma`); each of their orders is worth
/// z ~ Gamma(shape `p`, rate ν) before any discount, so the customer's mean order value is p/ν.
public struct GammaGammaParameters: Sendable, Hashable {
    /// Shape of each order's value given the customer's spend rate.
    public var p: Double
    /// Shape of the spend rates across customers.
    public var q: Double
    /// Rate (scale parameter) of the spend rates across customers, in euros.
    public var gamma: Double

    /// Creates the parameters.
    public init(p: Double, q: Double, gamma: Double) {
        self.p = p
        self.q = q
        self.gamma = gamma
    }

    /// The population's mean order value in euros, p·γ/(q−1).
    public var meanOrderValue: Double { p * gamma / (q - 1) }
}
