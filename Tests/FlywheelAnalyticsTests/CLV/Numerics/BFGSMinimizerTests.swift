import Foundation
import Testing

@testable import FlywheelAnalytics

@Suite("BFGSMinimizer")
struct BFGSMinimizerTests {
    static func rosenbrock(_ p: [Double]) -> (value: Double, gradient: [Double]) {
        let (x, y) = (p[0], p[1])
        return (
            100 * (y - x * x) * (y - x * x) + (1 - x) * (1 - x),
            [-400 * x * (y - x * x) - 2 * (1 - x), 200 * (y - x * x)]
        )
    }

    @Test("finds Rosenbrock's minimum")
    func rosenbrock() {
        let outcome = BFGSMinimizer().minimize(from: [-1.2, 1], Self.rosenbrock)
        #expect(outcome.converged)
        #expect(abs(outcome.point[0] - 1) < 1e-7 && abs(outcome.point[1] - 1) < 1e-7)
        #expect(outcome.iterations < 100)
    }

    @Test("backs off from points where the objective is not finite")
    func nonFiniteRegion() {
        // Minimum at x = 2; the objective is NaN beyond 2.5, where a full first step lands.
        let objective: ObjectiveFunction = { p in
            p[0] > 2.5
                ? (.nan, [.nan])
                : (
                    (p[0] - 2) * (p[0] - 2) * (p[0] - 2) * (p[0] - 2) + (p[0] - 2) * (p[0] - 2),
                    [4 * pow(p[0] - 2, 3) + 2 * (p[0] - 2)]
                )
        }
        let outcome = BFGSMinimizer().minimize(from: [-3], objective)
        #expect(outcome.converged)
        #expect(abs(outcome.point[0] - 2) < 1e-6)
    }
}
