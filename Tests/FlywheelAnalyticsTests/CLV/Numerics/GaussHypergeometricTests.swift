import Foundation
import Testing

@testable import FlywheelAnalytics

@Suite("GaussHypergeometric")
struct GaussHypergeometricTests {
    @Test("matches mpmath's 30-digit values, including z near 1 and integer c − a − b")
    func referenceValues() {
        let cases = CLVTestData.oracle.hyp2f1
        #expect(cases.count >= 15)
        for c in cases {
            let ours = GaussHypergeometric.log(a: c.a, b: c.b, c: c.c, z: c.z)
            #expect(abs(ours - c.log_value) <= 1e-12 * max(1, abs(c.log_value)), "2F1(\(c.a), \(c.b); \(c.c); \(c.z))")
        }
    }

    @Test(
        "closed forms: 2F1(1, 1; 2; z) = −log(1 − z)/z and 2F1(a, b; b; z) = (1 − z)^−a",
        arguments: [
            0.0, 1e-8, 0.1, 0.4999999, 0.5, 0.5000001, 0.7, 0.9, 0.99, 0.999_999, 1 - 1e-12,
        ])
    func closedForms(z: Double) {
        let logLog = z == 0 ? 0 : log(-log1p(-z) / z)
        #expect(abs(GaussHypergeometric.log(a: 1.0, b: 1.0, c: 2.0, z: z) - logLog) <= 1e-13)
        let power = -2.7 * log1p(-z)
        #expect(abs(GaussHypergeometric.log(a: 2.7, b: 0.4, c: 0.4, z: z) - power) <= 1e-12 * max(1, power))
    }

    @Test("large parameters whose value overflows a Double stay finite in log space")
    func logScale() {
        // 2F1(a, b; b; z) = (1 − z)^−a with a = 900: about 10^900 at z = 0.9.
        let value = GaussHypergeometric.log(a: 900.0, b: 3.5, c: 3.5, z: 0.9)
        #expect(abs(value - 900 * log(10.0)) <= 1e-10 * value)
    }

    @Test("derivatives by dual numbers equal central differences", arguments: [0.3, 0.8, 0.995])
    func derivatives(z: Double) {
        let a = 1.7
        let b = 2.3
        let c = 3.1
        let dual = GaussHypergeometric.log(
            a: GradientDual.variable(a, index: 0), b: GradientDual.variable(b, index: 1),
            c: GradientDual.variable(c, index: 2), z: GradientDual.variable(z, index: 3))
        let h = 1e-6
        func f(_ da: Double, _ db: Double, _ dc: Double, _ dz: Double) -> Double {
            GaussHypergeometric.log(a: a + da, b: b + db, c: c + dc, z: z + dz)
        }
        let numeric = [
            (f(h, 0, 0, 0) - f(-h, 0, 0, 0)) / (2 * h), (f(0, h, 0, 0) - f(0, -h, 0, 0)) / (2 * h),
            (f(0, 0, h, 0) - f(0, 0, -h, 0)) / (2 * h),
            (f(0, 0, 0, h * (1 - z)) - f(0, 0, 0, -h * (1 - z))) / (2 * h * (1 - z)),
        ]
        #expect(abs(dual.value - f(0, 0, 0, 0)) < 1e-14 * max(1, abs(dual.value)))
        for i in 0..<4 {
            #expect(abs(dual.gradient[i] - numeric[i]) <= 1e-6 * max(1, abs(numeric[i])), "partial \(i) at z = \(z)")
        }
    }

    @Test("continuous where the power series hands over to the continuation")
    func handOver() {
        for (a, b, c) in [(1.553, 1.606, 2.553), (5.2, 0.4, 2.1), (0.3, 7.0, 9.5)] {
            let below = GaussHypergeometric.log(a: a, b: b, c: c, z: 0.5 - 1e-13)
            let above = GaussHypergeometric.log(a: a, b: b, c: c, z: 0.5 + 1e-13)
            #expect(abs(above - below) < 1e-11)
        }
    }
}
