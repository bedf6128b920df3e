import Foundation
import Testing

@testable import FlywheelAnalytics

@Suite("GammaGammaModel")
struct GammaGammaModelTests {
    @Test("CDNOW sample's repeat buyers: lifetimes' documented p, q, γ within 2 %")
    func cdnowReproduction() throws {
        let fit = try GammaGammaModel.fit(CLVTestData.cdnowSummary)
        #expect(fit.report.converged)
        #expect(fit.report.customers == 946)
        #expect(CLVTestData.isClose(fit.model.p, 6.25, relative: 0.02))
        #expect(CLVTestData.isClose(fit.model.q, 3.74, relative: 0.02))
        #expect(CLVTestData.isClose(fit.model.gamma, 15.44, relative: 0.02))
        let lifetimes = CLVTestData.oracle.gamma_gamma
        #expect(fit.report.logLikelihood >= lifetimes.log_likelihood - 1e-6)
        #expect(CLVTestData.isClose(fit.model.p, lifetimes.p, relative: 1e-4))
    }

    @Test("conditional expected value and likelihood equal lifetimes' at lifetimes' parameters")
    func matchesLifetimes() {
        let oracle = CLVTestData.oracle
        let model = oracle.gamma_gamma.model
        for c in oracle.customers {
            let value = model.expectedAverageValue(frequency: c.frequency, meanValue: c.monetary_value)
            #expect(CLVTestData.isClose(value, c.gamma_gamma_expected_average_value, relative: 1e-12))
        }
        let summary = CLVTestData.cdnowSummary
        var ll = 0.0
        for i in summary.frequency.indices where summary.frequency[i] > 0 {
            ll += model.logLikelihood(frequency: summary.frequency[i], meanValue: summary.monetaryValue[i])
        }
        #expect(abs(ll - oracle.gamma_gamma.log_likelihood) < 1e-6)
    }

    @Test("one-time buyers get the population mean; the estimate moves toward m̄ with x")
    func shrinkage() {
        let model = GammaGammaModel(p: 6.25, q: 3.74, gamma: 15.44)
        #expect(abs(model.expectedAverageValue(frequency: 0, meanValue: 0) - model.populationMeanValue) < 1e-12)
        let few = model.expectedAverageValue(frequency: 1, meanValue: 100)
        let many = model.expectedAverageValue(frequency: 50, meanValue: 100)
        #expect(model.populationMeanValue < few && few < many && many < 100)
        #expect(GammaGammaModel(p: 1, q: 0.5, gamma: 1).populationMeanValue == .infinity)
    }

    @Test("recovers simulated parameters from 20,000 customers")
    func recovery() throws {
        var generator = CLVRandomSource(seed: 2_024)
        let truth = GammaGammaModel(p: 6, q: 4, gamma: 22)
        var frequency: [Int] = []
        var mean: [Double] = []
        for _ in 0..<20_000 {
            let x = 1 + Int(generator.next() % 8)
            let nu = generator.gamma(shape: truth.q, rate: truth.gamma)
            var sum = 0.0
            for _ in 0..<x { sum += generator.gamma(shape: truth.p, rate: nu) }
            frequency.append(x)
            mean.append(sum / Double(x))
        }
        let fit = try GammaGammaModel.fit(frequency: frequency, meanValue: mean)
        #expect(fit.report.converged)
        #expect(CLVTestData.isClose(fit.model.p, truth.p, relative: 0.05))
        #expect(CLVTestData.isClose(fit.model.q, truth.q, relative: 0.1))
        #expect(CLVTestData.isClose(fit.model.gamma, truth.gamma, relative: 0.1))
    }

    @Test("no repeat buyers, no fit")
    func noRepeatBuyers() {
        #expect(throws: CLVError.self) { try GammaGammaModel.fit(frequency: [0, 0, 3], meanValue: [0, 0, 0]) }
        #expect(throws: CLVError.self) { try GammaGammaModel.fit(frequency: [1], meanValue: [1, 2]) }
    }
}
