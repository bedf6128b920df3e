import Foundation
import Testing

@testable import FlywheelAnalytics

/// Fits on data simulated from the BG/NBD process itself (seeded) and checks the truth comes back.
@Suite("BG/NBD and Pareto/NBD recovery of simulated truth")
struct BGNBDRecoveryTests {
    /// BG/NBD histories observed over T uniform in [26, 78] weeks: λ ~ Gamma(r, α), p ~ Beta(a, b);
    /// Poisson purchases while active, drop-out with probability p after each repeat purchase. Times are
    /// recorded to the day, as a shop's data would be.
    static func simulateBGNBD(_ truth: BGNBDModel, customers: Int, seed: UInt64) -> (
        x: [Int], tx: [Double], T: [Double]
    ) {
        var generator = CLVRandomSource(seed: seed)
        var result: (x: [Int], tx: [Double], T: [Double]) = ([], [], [])
        for _ in 0..<customers {
            let T = 26 + 52 * generator.uniform()
            let lambda = generator.gamma(shape: truth.r, rate: truth.alpha)
            let p = generator.beta(truth.a, truth.b)
            var t = 0.0
            var x = 0
            var tx = 0.0
            while true {
                t += generator.exponential(rate: lambda)
                if t > T { break }
                x += 1
                tx = t
                if generator.uniform() < p { break }
            }
            result.x.append(x)
            result.tx.append(Self.toDay(tx))
            result.T.append(Self.toDay(T))
        }
        return result
    }

    /// Weeks, truncated to whole days.
    static func toDay(_ weeks: Double) -> Double { (weeks * 7).rounded(.down) / 7 }

    @Test("BG/NBD: 20,000 simulated customers give back r, α within 5 % and a, b within 15 %")
    func bgnbd() throws {
        let truth = BGNBDModel(r: 0.75, alpha: 3.5, a: 0.8, b: 2.5)
        let data = Self.simulateBGNBD(truth, customers: 20_000, seed: 42)
        let fit = try BGNBDModel.fit(frequency: data.x, recency: data.tx, age: data.T)
        #expect(fit.report.converged)
        #expect(CLVTestData.isClose(fit.model.r, truth.r, relative: 0.05))
        #expect(CLVTestData.isClose(fit.model.alpha, truth.alpha, relative: 0.05))
        #expect(CLVTestData.isClose(fit.model.a, truth.a, relative: 0.15))
        #expect(CLVTestData.isClose(fit.model.b, truth.b, relative: 0.15))
        // A maximum: no worse than the truth.
        #expect(fit.report.logLikelihood >= truth.logLikelihood(frequency: data.x, recency: data.tx, age: data.T))
    }

    @Test("Pareto/NBD: 10,000 simulated customers give back its parameters within 10 %")
    func paretoNBD() throws {
        let truth = ParetoNBDModel(r: 0.8, alpha: 6, s: 0.9, beta: 12)
        var generator = CLVRandomSource(seed: 7)
        var x: [Int] = []
        var tx: [Double] = []
        var ages: [Double] = []
        for _ in 0..<10_000 {
            let T = 26 + 52 * generator.uniform()
            let lambda = generator.gamma(shape: truth.r, rate: truth.alpha)
            let lifetime = generator.exponential(rate: generator.gamma(shape: truth.s, rate: truth.beta))
            let end = min(T, lifetime)
            var t = 0.0
            var count = 0
            var last = 0.0
            while true {
                t += generator.exponential(rate: lambda)
                if t > end { break }
                count += 1
                last = t
            }
            x.append(count)
            tx.append(Self.toDay(last))
            ages.append(Self.toDay(T))
        }
        let fit = try ParetoNBDModel.fit(frequency: x, recency: tx, age: ages)
        #expect(fit.report.converged)
        #expect(CLVTestData.isClose(fit.model.r, truth.r, relative: 0.1))
        #expect(CLVTestData.isClose(fit.model.alpha, truth.alpha, relative: 0.1))
        #expect(CLVTestData.isClose(fit.model.s, truth.s, relative: 0.1))
        #expect(CLVTestData.isClose(fit.model.beta, truth.beta, relative: 0.1))
    }
}
