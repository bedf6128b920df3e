import Testing

@testable import FlywheelAnalytics

@Suite("NelderMeadMinimizer")
struct NelderMeadMinimizerTests {
    @Test("Nelder-Mead finds Rosenbrock's minimum without gradients")
    func nelderMead() {
        let valuesOnly: ObjectiveFunction = { p in (BFGSMinimizerTests.rosenbrock(p).value, []) }
        let outcome = NelderMeadMinimizer().minimize(from: [-1.2, 1], valuesOnly)
        #expect(outcome.converged)
        #expect(abs(outcome.point[0] - 1) < 1e-5 && abs(outcome.point[1] - 1) < 1e-5)
    }

    @Test("treats non-finite values as worse than any finite one")
    func nonFinite() {
        let objective: ObjectiveFunction = { p in (p[0] < 0 ? .nan : (p[0] - 1) * (p[0] - 1), []) }
        let outcome = NelderMeadMinimizer().minimize(from: [0.2], objective)
        #expect(abs(outcome.point[0] - 1) < 1e-6)
    }
}
