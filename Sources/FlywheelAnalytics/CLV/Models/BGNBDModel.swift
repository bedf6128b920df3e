import Foundation

/// The BG/NBD model of Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way": while active, a
/// customer buys as a Poisson process with rate λ ~ Gamma(shape r, rate α); after each repeat purchase
/// they become inactive with probability p ~ Beta(a, b).
public struct BGNBDModel: RepeatPurchaseModel, Hashable, Codable {
    /// Shape of the purchase-rate distribution.
    public var r: Double
    /// Rate (inverse scale) of the purchase-rate distribution, in the data's time unit.
    public var alpha: Double
    /// First shape parameter of the drop-out probability's Beta distribution.
    public var a: Double
    /// Second shape parameter of the drop-out probability's Beta distribution.
    public var b: Double

    /// A model with the given parameters, all positive.
    public init(r: Double, alpha: Double, a: Double, b: Double) {
        self.r = r
        self.alpha = alpha
        self.a = a
        self.b = b
    }

    /// `BG/NBD`.
    public var name: String { "BG/NBD" }

    /// FHL (2005) eq. (13): 1 / (1 + [x > 0] a/(b + x − 1) ((α + T)/(α + tₓ))^(r+x)).
    public func probabilityAlive(frequency x: Int, recency tx: Double, age T: Double) -> Double {
        1 / (1 + deadOdds(x: Double(x), tx: tx, T: T))
    }

    /// FHL (2005) eq. (10):
    /// (a + b + x − 1)/(a − 1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
    /// / (1 + [x > 0] a/(b + x − 1) ((α + T)/(α + tₓ))^(r+x)).
    public func expectedPurchases(over t: Double, frequency x: Int, recency tx: Double, age T: Double) -> Double {
        guard t > 0 else { return 0 }
        let x = Double(x)
        if abs(a - 1) >= 1e-6 { return expectedPurchases(share: expectedShare(over: t, x: x, T: T), x: x, tx: tx, T: T) }
        return avoidingUnitA { a in
            let z = t / (alpha + T + t)
            let logTerm =
                (r + x) * Foundation.log1p(-z)
                + GaussHypergeometric.log(a: r + x, b: b + x, c: a + b + x - 1, z: z)
            return (a + b + x - 1) / (a - 1) * -Foundation.expm1(logTerm) / (1 + deadOdds(x: x, tx: tx, T: T, a: a))
        }
    }

    /// The part of eq. (10) that does not depend on tₓ, 1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(…), for a ≠ 1: a
    /// forecast over many customers computes it once per (x, T) (`CLVForecast`).
    func expectedShare(over t: Double, x: Double, T: Double) -> Double {
        let z = t / (alpha + T + t)
        let logTerm = (r + x) * Foundation.log1p(-z) + GaussHypergeometric.log(a: r + x, b: b + x, c: a + b + x - 1, z: z)
        return -Foundation.expm1(logTerm)
    }

    /// Eq. (10) from its tₓ-free part (`expectedShare`), for a ≠ 1; the same arithmetic as
    /// `expectedPurchases(over:…)`, so the same result to the last bit.
    func expectedPurchases(share: Double, x: Double, tx: Double, T: Double) -> Double {
        expectedPurchases(share: share, x: x, deadOdds: deadOdds(x: x, tx: tx, T: T, a: a))
    }

    /// Eq. (10) from its tₓ-free part and the odds of having dropped out (`deadOdds(x:tx:T:)`), computed
    /// once for the many horizons of one history.
    func expectedPurchases(share: Double, x: Double, deadOdds: Double) -> Double {
        (a + b + x - 1) / (a - 1) * share / (1 + deadOdds)
    }

    /// a/(b + x − 1) ((α + T)/(α + tₓ))^(r+x) for x > 0, else 0, with the model's a.
    func deadOdds(x: Double, tx: Double, T: Double) -> Double {
        deadOdds(x: x, tx: tx, T: T, a: a)
    }

    /// FHL (2005) eq. (9): (a + b − 1)/(a − 1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))].
    public func expectedPurchases(newCustomerOver t: Double) -> Double {
        guard t > 0 else { return 0 }
        return avoidingUnitA { a in
            let z = t / (alpha + t)
            let logTerm = r * Foundation.log1p(-z) + GaussHypergeometric.log(a: r, b: b, c: a + b - 1, z: z)
            return (a + b - 1) / (a - 1) * -Foundation.expm1(logTerm)
        }
    }

    /// (α + T)(2^(1/(r+x)) − 1): see `RepeatPurchaseModel.medianTimeToNextPurchase`.
    public func medianTimeToNextPurchase(frequency x: Int, recency tx: Double, age T: Double) -> Double {
        (alpha + T) * Foundation.expm1(M_LN2 / (r + Double(x)))
    }

    /// The log-likelihood of one history, computed in log space.
    public func logLikelihood(frequency x: Int, recency tx: Double, age T: Double) -> Double {
        BGNBDModel.logLikelihood(r: r, alpha: alpha, a: a, b: b, x: Double(x), tx: tx, T: T)
    }

    /// a/(b + x − 1) ((α + T)/(α + tₓ))^(r+x) for x > 0, else 0: the odds of having dropped out.
    private func deadOdds(x: Double, tx: Double, T: Double, a: Double) -> Double {
        guard x > 0 else { return 0 }
        return a / (b + x - 1)
            * Foundation.exp((r + x) * (Foundation.log(alpha + T) - Foundation.log(alpha + tx)))
    }

    /// The expectations have a removable singularity at a = 1; there, the mean of a = 1 ± 1e-6.
    private func avoidingUnitA(_ body: (Double) -> Double) -> Double {
        guard abs(a - 1) < 1e-6 else { return body(a) }
        return 0.5 * (body(1 - 1e-6) + body(1 + 1e-6))
    }
}
