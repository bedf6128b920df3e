import Foundation
import Testing

@testable import FlywheelAnalytics

@Suite("SpecialFunctions and LikelihoodScalar")
struct SpecialFunctionsTests {
    @Test("digamma at known points")
    func digammaKnownValues() {
        let eulerGamma = 0.577_215_664_901_532_9
        #expect(abs(SpecialFunctions.digamma(1) + eulerGamma) < 1e-15)
        #expect(abs(SpecialFunctions.digamma(0.5) - (-eulerGamma - 2 * log(2.0))) < 1e-14)
        #expect(abs(SpecialFunctions.digamma(-0.5) - 0.036_489_973_978_576_52) < 1e-14)
        #expect(abs(SpecialFunctions.digamma(1e-3) - (-1_000.575_571_931_810_3)) < 1e-10)
        #expect(SpecialFunctions.digamma(0).isNaN)
    }

    @Test("digamma is the derivative of lgamma", arguments: [0.05, 0.7, 3.3, 12.5, 250.0])
    func digammaDerivative(x: Double) {
        let h = 1e-5 * max(1, x)
        let numeric = (lgamma(x + h) - lgamma(x - h)) / (2 * h)
        #expect(abs(SpecialFunctions.digamma(x) - numeric) < 1e-7 * max(1, abs(numeric)))
    }

    @Test("log-sum helpers")
    func logHelpers() {
        #expect(Double.logAddExp(-.infinity, 2) == 2)
        #expect(abs(Double.logAddExp(1000, 1000) - (1000 + log(2.0))) < 1e-12)
        #expect(abs(Double.logAddExp(-800, -801) - (-800 + log1p(exp(-1)))) < 1e-12)
        #expect(abs(Double.log1mExp(-1e-20) - log(1e-20)) < 1e-12)
        #expect(abs(Double.log1mExp(-50) - log1p(-exp(-50))) < 1e-30)
        #expect(abs(Double.log1mExp(-0.5) - log(1 - exp(-0.5))) < 1e-15)
    }

    @Test("dual numbers carry exact first derivatives through every operation")
    func dualChainRule() {
        func f<S: LikelihoodScalar>(_ x: S, _ y: S) -> S {
            S.logGamma(x * y) * S.exp(y) / S.log1p(x) - S.expm1(-x) + S.logAddExp(x, y) - S.log1mExp(-(x * y))
                + S.pow(x, y)
        }
        let x = 1.3
        let y = 0.7
        let dual = f(GradientDual.variable(x, index: 0), GradientDual.variable(y, index: 1))
        let h = 1e-6
        let dx = (f(x + h, y) - f(x - h, y)) / (2 * h)
        let dy = (f(x, y + h) - f(x, y - h)) / (2 * h)
        #expect(abs(dual.value - f(x, y)) < 1e-15)
        #expect(abs(dual.gradient[0] - dx) < 1e-8)
        #expect(abs(dual.gradient[1] - dy) < 1e-8)
        #expect(dual.gradient[2] == 0 && dual.gradient[3] == 0)
    }
}
