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

    /// A stretched quadratic, ½ xᵀ A x with A = diag(1, 1000), and its exact inverse Hessian.
    static func stretched(_ p: [Double]) -> (value: Double, gradient: [Double]) {
        (0.5 * (p[0] * p[0] + 1000 * p[1] * p[1]), [p[0], 1000 * p[1]])
    }

    @Test("started with the inverse Hessian, a quadratic is solved in one step; from the identity it takes several")
    func warmInverseHessian() {
        let warm = BFGSMinimizer().minimize(from: [3, -2], inverseHessian: [[1, 0], [0, 0.001]], Self.stretched)
        #expect(warm.converged)
        #expect(warm.iterations <= 2)
        #expect(warm.evaluations <= 2)
        #expect(abs(warm.point[0]) < 1e-9 && abs(warm.point[1]) < 1e-9)
        let cold = BFGSMinimizer().minimize(from: [3, -2], Self.stretched)
        #expect(cold.converged)
        #expect(cold.evaluations > warm.evaluations)
        // The final inverse Hessian is reported, for a further run to start from.
        #expect(cold.inverseHessian.count == 2)
        #expect(abs(cold.inverseHessian[1][1] - 0.001) < 1e-4)
    }

    @Test("an inverse Hessian of the wrong size or with non-finite entries is ignored")
    func unusableInverseHessian() {
        for h in [[[1.0]], [[1, .nan], [0, 1]]] {
            let outcome = BFGSMinimizer().minimize(from: [3, -2], inverseHessian: h, Self.stretched)
            #expect(outcome.converged)
            #expect(abs(outcome.point[0]) < 1e-7 && abs(outcome.point[1]) < 1e-7)
        }
    }

    @Test("where no step can lower the objective measurably (a slope below its rounding) it stops at once")
    func flatWithinRounding() {
        // The value rounds to 1 everywhere near the start; the gradient, 2e-8, is above the tolerance (1e-8)
        // but its square — how much a step could lower the value — is below the value's rounding.
        let objective: ObjectiveFunction = { p in (1 + 1e-30 * p[0], [2e-8]) }
        let outcome = BFGSMinimizer().minimize(from: [0], objective)
        #expect(outcome.evaluations == 1)
        #expect(outcome.converged)  // the gradient is below the stall tolerance
        let stuck = BFGSMinimizer(stallGradientTolerance: 1e-9).minimize(from: [0], objective)
        #expect(stuck.evaluations == 1)
        #expect(!stuck.converged)  // stopped, but not at a minimum
    }
}
