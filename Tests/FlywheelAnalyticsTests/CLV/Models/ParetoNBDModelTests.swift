import Foundation
import Testing

@testable import FlywheelAnalytics

@Suite("ParetoNBDModel")
struct ParetoNBDModelTests {
    @Test("CDNOW sample, 39-week calibration: the published estimates within 1 %")
    func cdnowReproduction() throws {
        let fit = try ParetoNBDModel.fit(CLVTestData.cdnowSummary)
        let model = fit.model
        #expect(fit.report.converged)
        #expect(CLVTestData.isClose(model.r, 0.553, relative: 0.01))
        #expect(CLVTestData.isClose(model.alpha, 10.578, relative: 0.01))
        #expect(CLVTestData.isClose(model.s, 0.606, relative: 0.01))
        #expect(CLVTestData.isClose(model.beta, 11.669, relative: 0.01))
        #expect(abs(fit.report.logLikelihood - -9_595.0) < 0.05)
        // At least as good as lifetimes' Nelder-Mead optimum on the same summaries.
        #expect(fit.report.logLikelihood >= CLVTestData.oracle.paretonbd.log_likelihood - 1e-6)
    }

    @Test("log-likelihood, P(alive) and conditional expectation equal lifetimes' at lifetimes' parameters")
    func matchesLifetimes() {
        let oracle = CLVTestData.oracle
        let model = oracle.paretonbd.model
        let summary = CLVTestData.cdnowSummary
        let ll = model.logLikelihood(frequency: summary.frequency, recency: summary.recency, age: summary.age)
        #expect(abs(ll - oracle.paretonbd.log_likelihood) < 1e-6)
        for c in oracle.customers {
            let alive = model.probabilityAlive(frequency: c.frequency, recency: c.recency, age: c.T)
            #expect(CLVTestData.isClose(alive, c.paretonbd_probability_alive, relative: 1e-9), "customer \(c.customer)")
            let expected = model.expectedPurchases(over: 39, frequency: c.frequency, recency: c.recency, age: c.T)
            #expect(
                CLVTestData.isClose(expected, c.paretonbd_expected_purchases_39, relative: 1e-9),
                "customer \(c.customer)")
        }
    }

    /// A₀ = (r+s+x) ∫ from tₓ to T of (α+τ)^−(r+x) (β+τ)^−(s+1) dτ by composite Simpson.
    static func quadratureA0(r: Double, alpha: Double, s: Double, beta: Double, x: Double, tx: Double, T: Double)
        -> Double
    {
        let n = 200_000
        let h = (T - tx) / Double(n)
        func f(_ t: Double) -> Double { pow(alpha + t, -(r + x)) * pow(beta + t, -(s + 1)) }
        var sum = f(tx) + f(T)
        for i in 1..<n { sum += f(tx + Double(i) * h) * (i % 2 == 1 ? 4 : 2) }
        return (r + s + x) * sum * h / 3
    }

    @Test(
        "A₀ through ₂F₁ equals the integral it stands for, on both branches and with z near 1",
        arguments: [
            (0.553, 10.578, 0.606, 11.669, 2.0, 30.43, 38.86),  // α < β, CDNOW
            (0.553, 12.0, 0.606, 10.0, 0.0, 0.0, 38.86),  // α > β
            (0.5, 200.0, 1.0, 0.5, 0.0, 0.0, 39.0),  // α ≫ β: z = 0.9975, s = 1 (integer c − a − b)
            (1.0, 0.2, 0.6, 100.0, 3.0, 1.0, 50.0),  // α ≪ β: z ≈ 0.99, r = 1
            (2.0, 5.0, 3.0, 5.0, 7.0, 20.0, 21.0),  // α = β
        ])
    func a0(_ p: (Double, Double, Double, Double, Double, Double, Double)) {
        let ours = exp(ParetoNBDModel.logA0(r: p.0, alpha: p.1, s: p.2, beta: p.3, x: p.4, tx: p.5, T: p.6))
        let integral = Self.quadratureA0(r: p.0, alpha: p.1, s: p.2, beta: p.3, x: p.4, tx: p.5, T: p.6)
        #expect(CLVTestData.isClose(ours, integral, relative: 1e-9))
    }

    @Test("the dual-number gradient equals central differences, also where ₂F₁ is continued to z near 1")
    func gradient() {
        let summary = CLVTestData.cdnowSummary
        let groups = PurchaseHistoryGroups(frequency: summary.frequency, recency: summary.recency, age: summary.age)
        for p in [[0.55, 10.6, 0.61, 11.7], [0.55, 300, 1.0, 0.4], [1.0, 0.3, 0.6, 90]] {
            let dual = ParetoNBDModel.logLikelihood(
                r: GradientDual.variable(p[0], index: 0), alpha: GradientDual.variable(p[1], index: 1),
                s: GradientDual.variable(p[2], index: 2), beta: GradientDual.variable(p[3], index: 3), groups: groups)
            let f = { (q: [Double]) -> Double in
                ParetoNBDModel.logLikelihood(r: q[0], alpha: q[1], s: q[2], beta: q[3], groups: groups)
            }
            #expect(abs(dual.value - f(p)) < 1e-9 * abs(f(p)))
            for i in 0..<4 {
                var up = p
                var down = p
                let h = 1e-6 * p[i]
                up[i] += h
                down[i] -= h
                let numeric = (f(up) - f(down)) / (2 * h)
                #expect(abs(dual.gradient[i] - numeric) < 1e-5 * max(1, abs(numeric)), "partial \(i) at \(p)")
            }
        }
    }

    @Test("a customer with no history expects what a new customer expects; s = 1 is continuous")
    func newCustomerAndUnitS() {
        let model = ParetoNBDModel(r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669)
        for t in [1.0, 39, 500] {
            #expect(
                CLVTestData.isClose(
                    model.expectedPurchases(over: t, frequency: 0, recency: 0, age: 0),
                    model.expectedPurchases(newCustomerOver: t), relative: 1e-12))
        }
        let one = ParetoNBDModel(r: 0.5, alpha: 10, s: 1, beta: 12)
        let near = ParetoNBDModel(r: 0.5, alpha: 10, s: 1 + 1e-7, beta: 12)
        let e1 = one.expectedPurchases(over: 39, frequency: 2, recency: 30, age: 38)
        let e2 = near.expectedPurchases(over: 39, frequency: 2, recency: 30, age: 38)
        #expect(abs(e1 - e2) < 1e-6 * e1)
        #expect(one.probabilityAlive(frequency: 3, recency: 38, age: 38) == 1)
    }
}
