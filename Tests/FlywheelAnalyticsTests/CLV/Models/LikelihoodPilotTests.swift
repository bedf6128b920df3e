import Foundation
import Testing

@testable import FlywheelAnalytics

@Suite("LikelihoodPilot: large fits start at a sample's maximum")
struct LikelihoodPilotTests {
    /// 40,000 customers simulated from a known BG/NBD process (large enough for a pilot).
    static let data = BGNBDRecoveryTests.simulateBGNBD(
        BGNBDModel(r: 0.75, alpha: 3.5, a: 0.8, b: 2.5), customers: 40_000, seed: 7)
    static let groups = PurchaseHistoryGroups(frequency: data.x, recency: data.tx, age: data.T)

    @Test("samples one in 8 to one in 64 customers, and only fits of 10,000 customers or more")
    func sampling() {
        #expect(LikelihoodPilot.sampling(customers: 9_999) == nil)
        #expect(LikelihoodPilot.sampling(customers: 10_000) == 8)
        #expect(LikelihoodPilot.sampling(customers: 40_000) == 16)
        #expect(LikelihoodPilot.sampling(customers: 1_000_000) == 64)
    }

    @Test("BG/NBD with a pilot: the same maximum as from the usual start, with fewer full evaluations")
    func sameMaximum() throws {
        let groups = Self.groups
        let likelihood = BGNBDLikelihood(groups: groups, parts: 1)
        let start = [1, groups.pooledRateScale, 1, 1]
        let (cold, coldReport) = try MaximumLikelihood.fit(start: start, customers: groups.totalWeight, model: "BG/NBD") {
            v in likelihood(r: v[0], alpha: v[1], a: v[2], b: v[3])
        }
        let fit = try BGNBDModel.fit(groups)
        #expect(fit.report.method == "BFGS from the fit of a 1-in-16 sample")
        #expect(fit.report.converged && coldReport.converged)
        #expect(fit.report.evaluations < coldReport.evaluations)
        #expect(abs(fit.report.logLikelihood - coldReport.logLikelihood) < 1e-6)
        let warm = [fit.model.r, fit.model.alpha, fit.model.a, fit.model.b]
        for (w, c) in zip(warm, cold) { #expect(CLVTestData.isClose(w, c, relative: 1e-5)) }
    }

    @Test("a pilot that cannot be fitted is passed over: the fit starts where it would without one")
    func unusablePilot() throws {
        let groups = Self.groups
        let likelihood = BGNBDLikelihood(groups: groups, parts: 1)
        let start = [1, groups.pooledRateScale, 1, 1]
        let broken = LikelihoodPilot(sampling: 16, customers: 100, start: start) { _ in GradientDual(.nan) }
        let (withBroken, report) = try MaximumLikelihood.fit(
            start: start, customers: groups.totalWeight, model: "BG/NBD", pilot: broken
        ) { v in likelihood(r: v[0], alpha: v[1], a: v[2], b: v[3]) }
        let (plain, plainReport) = try MaximumLikelihood.fit(start: start, customers: groups.totalWeight, model: "BG/NBD") {
            v in likelihood(r: v[0], alpha: v[1], a: v[2], b: v[3])
        }
        #expect(report.method == "BFGS")
        #expect(withBroken == plain)
        #expect(report.evaluations == plainReport.evaluations)
    }

    @Test("Gamma-Gamma with a pilot reaches the maximum of the whole")
    func gammaGamma() throws {
        // Spend of 12,000 repeat buyers: m̄ drawn around 35 with a spread that shrinks with x.
        var generator = CLVRandomSource(seed: 11)
        var frequency: [Int] = []
        var mean: [Double] = []
        for _ in 0..<12_000 {
            let x = 1 + Int(generator.uniform() * 6)
            let nu = generator.gamma(shape: 3.5, rate: 20)
            var sum = 0.0
            for _ in 0..<x { sum += generator.gamma(shape: 6, rate: nu) }
            frequency.append(x)
            mean.append(sum / Double(x))
        }
        let fit = try GammaGammaModel.fit(frequency: frequency, meanValue: mean)
        #expect(fit.report.method == "BFGS from the fit of a 1-in-8 sample")
        #expect(fit.report.converged)
        let histories = SpendHistories(frequency: frequency, meanValue: mean)
        let (cold, coldReport) = try MaximumLikelihood.fit(
            start: [1, 2, 30], customers: Double(histories.count), model: "Gamma-Gamma"
        ) { v in GammaGammaModel.logLikelihood(p: v[0], q: v[1], gamma: v[2], histories: histories) }
        #expect(fit.report.logLikelihood >= coldReport.logLikelihood - 1e-6)
        for (w, c) in zip([fit.model.p, fit.model.q, fit.model.gamma], cold) {
            #expect(CLVTestData.isClose(w, c, relative: 1e-4))
        }
    }
}
