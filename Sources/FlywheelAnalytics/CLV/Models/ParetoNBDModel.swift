import Foundation

/// The Pareto/NBD model of Schmittlein, Morrison & Colombo (1987): while active, a customer buys as a
/// Poisson process with rate λ ~ Gamma(shape r, rate α); their lifetime is exponential with rate
/// μ ~ Gamma(shape s, rate β). Formulas from Fader & Hardie's notes "A Note on Deriving the Pareto/NBD
/// Model and Related Expressions" (2005) and "Deriving an Expression for P(X(t) = x) under the Pareto/NBD
/// Model" (2006).
public struct ParetoNBDModel: RepeatPurchaseModel, Hashable, Codable {
    /// Shape of the purchase-rate distribution.
    public var r: Double
    /// Rate of the purchase-rate distribution, in the data's time unit.
    public var alpha: Double
    /// Shape of the drop-out-rate distribution.
    public var s: Double
    /// Rate of the drop-out-rate distribution, in the data's time unit.
    public var beta: Double

    /// A model with the given parameters, all positive.
    public init(r: Double, alpha: Double, s: Double, beta: Double) {
        self.r = r
        self.alpha = alpha
        self.s = s
        self.beta = beta
    }

    /// `Pareto/NBD`.
    public var name: String { "Pareto/NBD" }

    /// Note (2005) eq. (18)–(20): 1 / (1 + s/(r+s+x) (α+T)^(r+x) (β+T)^s A₀).
    public func probabilityAlive(frequency x: Int, recency tx: Double, age T: Double) -> Double {
        let x = Double(x)
        let logA0 = ParetoNBDModel.logA0(r: r, alpha: alpha, s: s, beta: beta, x: x, tx: tx, T: T)
        let logOdds =
            Foundation.log(s) - Foundation.log(r + s + x) + (r + x) * Foundation.log(alpha + T)
            + s * Foundation.log(beta + T) + logA0
        return 1 / (1 + Foundation.exp(logOdds))
    }

    /// Note (2005) eq. (22): (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive)
    /// (the bracket over s − 1 tends to log((β+T+t)/(β+T)) as s → 1).
    public func expectedPurchases(over t: Double, frequency x: Int, recency tx: Double, age T: Double) -> Double {
        guard t > 0 else { return 0 }
        let x = Double(x)
        let growth = ParetoNBDModel.powerIntegral(s - 1, Foundation.log((beta + T + t) / (beta + T)))
        return (r + x) * (beta + T) / (alpha + T) * growth
            * probabilityAlive(frequency: Int(x), recency: tx, age: T)
    }

    /// Note (2005) eq. (17): rβ / (α(s−1)) · [1 − (β/(β+t))^(s−1)].
    public func expectedPurchases(newCustomerOver t: Double) -> Double {
        guard t > 0 else { return 0 }
        return r * beta / alpha * ParetoNBDModel.powerIntegral(s - 1, Foundation.log((beta + t) / beta))
    }

    /// (α + T)(2^(1/(r+x)) − 1): see `RepeatPurchaseModel.medianTimeToNextPurchase`.
    public func medianTimeToNextPurchase(frequency x: Int, recency tx: Double, age T: Double) -> Double {
        (alpha + T) * Foundation.expm1(M_LN2 / (r + Double(x)))
    }

    /// The log-likelihood of one history, computed in log space.
    public func logLikelihood(frequency x: Int, recency tx: Double, age T: Double) -> Double {
        ParetoNBDModel.logLikelihood(r: r, alpha: alpha, s: s, beta: beta, x: Double(x), tx: tx, T: T)
    }

    /// (1 − e^(−u·L))/u for L ≥ 0, which tends to L as u → 0.
    static func powerIntegral(_ u: Double, _ logRatio: Double) -> Double {
        let product = u * logRatio
        if abs(product) < 1e-8 { return logRatio * (1 - 0.5 * product) }
        return -Foundation.expm1(-product) / u
    }
}
