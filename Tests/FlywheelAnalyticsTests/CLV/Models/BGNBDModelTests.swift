import Foundation
import Testing

@testable import FlywheelAnalytics

@Suite("BGNBDModel")
struct BGNBDModelTests {
    @Test("CDNOW sample, 39-week calibration: Fader, Hardie & Lee (2005)'s estimates within 1 %")
    func cdnowReproduction() throws {
        let fit = try BGNBDModel.fit(CLVTestData.cdnowSummary)
        let model = fit.model
        #expect(fit.report.converged)
        #expect(CLVTestData.isClose(model.r, 0.243, relative: 0.01))
        #expect(CLVTestData.isClose(model.alpha, 4.414, relative: 0.01))
        #expect(CLVTestData.isClose(model.a, 0.793, relative: 0.01))
        #expect(CLVTestData.isClose(model.b, 2.426, relative: 0.01))
        #expect(abs(fit.report.logLikelihood - -9_582.4) < 0.05)
        #expect(fit.report.customers == 2_357)
        // The same optimum as Python lifetimes on the same summaries.
        let lifetimes = CLVTestData.oracle.bgnbd
        #expect(CLVTestData.isClose(model.r, lifetimes.r, relative: 1e-4))
        #expect(CLVTestData.isClose(model.alpha, lifetimes.alpha, relative: 1e-4))
        #expect(CLVTestData.isClose(model.a, lifetimes.a, relative: 1e-4))
        #expect(CLVTestData.isClose(model.b, lifetimes.b, relative: 1e-4))
        #expect(fit.report.logLikelihood >= lifetimes.log_likelihood - 1e-6)
    }

    @Test("log-likelihood, P(alive) and conditional expectation equal lifetimes' at lifetimes' parameters")
    func matchesLifetimes() {
        let oracle = CLVTestData.oracle
        let model = oracle.bgnbd.model
        let summary = CLVTestData.cdnowSummary
        let ll = model.logLikelihood(frequency: summary.frequency, recency: summary.recency, age: summary.age)
        #expect(abs(ll - oracle.bgnbd.log_likelihood) < 1e-6)
        for c in oracle.customers {
            #expect(
                CLVTestData.isClose(
                    model.probabilityAlive(frequency: c.frequency, recency: c.recency, age: c.T),
                    c.bgnbd_probability_alive, relative: 1e-10))
            let expected = model.expectedPurchases(over: 39, frequency: c.frequency, recency: c.recency, age: c.T)
            #expect(
                CLVTestData.isClose(expected, c.bgnbd_expected_purchases_39, relative: 1e-9), "customer \(c.customer)")
        }
    }

    @Test("the grouped likelihood and its dual-number gradient agree with per-customer sums and differences")
    func likelihoodAndGradient() {
        let summary = CLVTestData.cdnowSummary
        let groups = PurchaseHistoryGroups(frequency: summary.frequency, recency: summary.recency, age: summary.age)
        #expect(groups.count < summary.count)
        #expect(groups.totalWeight == Double(summary.count))
        let p = [0.3, 5.0, 0.9, 2.0]
        let grouped: Double = BGNBDModel.logLikelihood(r: p[0], alpha: p[1], a: p[2], b: p[3], groups: groups)
        let direct = BGNBDModel(r: p[0], alpha: p[1], a: p[2], b: p[3])
            .logLikelihood(frequency: summary.frequency, recency: summary.recency, age: summary.age)
        #expect(abs(grouped - direct) < 1e-8)
        let dual = BGNBDModel.logLikelihood(
            r: GradientDual.variable(p[0], index: 0), alpha: GradientDual.variable(p[1], index: 1),
            a: GradientDual.variable(p[2], index: 2), b: GradientDual.variable(p[3], index: 3), groups: groups)
        for i in 0..<4 {
            var up = p
            var down = p
            let h = 1e-6 * p[i]
            up[i] += h
            down[i] -= h
            let f = { (q: [Double]) -> Double in
                BGNBDModel.logLikelihood(r: q[0], alpha: q[1], a: q[2], b: q[3], groups: groups)
            }
            let numeric = (f(up) - f(down)) / (2 * h)
            #expect(abs(dual.gradient[i] - numeric) < 1e-5 * max(1, abs(numeric)), "partial \(i)")
        }
    }

    @Test("a customer with no history expects what a new customer expects (eq. 10 reduces to eq. 9)")
    func newCustomerIdentity() {
        for model in [BGNBDModel(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426), BGNBDModel(r: 2, alpha: 3, a: 1.8, b: 9)]
        {
            for t in [0.5, 10, 39, 200] {
                let conditional = model.expectedPurchases(over: t, frequency: 0, recency: 0, age: 0)
                #expect(CLVTestData.isClose(conditional, model.expectedPurchases(newCustomerOver: t), relative: 1e-12))
            }
        }
    }

    @Test("predictions behave at the edges: t = 0, a = 1, one-time buyers alive, long horizons finite")
    func edges() {
        let model = BGNBDModel(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
        #expect(model.expectedPurchases(over: 0, frequency: 3, recency: 10, age: 20) == 0)
        #expect(model.probabilityAlive(frequency: 0, recency: 0, age: 30) == 1)
        let frequent = model.expectedPurchases(over: 10_000, frequency: 200, recency: 70, age: 70)
        #expect(frequent.isFinite && frequent > 0)
        let atOne = BGNBDModel(r: 0.5, alpha: 4, a: 1, b: 2.5)
        let nearOne = BGNBDModel(r: 0.5, alpha: 4, a: 1.001, b: 2.5)
        let e1 = atOne.expectedPurchases(over: 39, frequency: 2, recency: 20, age: 38)
        let e2 = nearOne.expectedPurchases(over: 39, frequency: 2, recency: 20, age: 38)
        #expect(e1.isFinite && abs(e1 - e2) < 1e-2 * e1)
    }

    @Test("the median wait to the next purchase halves the Lomax survival of an active customer")
    func medianWait() {
        let model = BGNBDModel(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
        let wait = model.medianTimeToNextPurchase(frequency: 2, recency: 30.43, age: 38.86)
        let survival = pow((model.alpha + 38.86) / (model.alpha + 38.86 + wait), model.r + 2)
        #expect(abs(survival - 0.5) < 1e-12)
    }
}
