import Foundation

/// A dual number for forward-mode automatic differentiation with up to four independent variables: a value
/// and its gradient. The CLV models have three or four parameters, so one pass of the likelihood in
/// `GradientDual` gives the log-likelihood and its exact gradient.
struct GradientDual: LikelihoodScalar {
    /// The value.
    var value: Double
    // The partial derivatives, as four stored properties rather than a SIMD4: the same speed optimized,
    // and many times faster in debug builds, where SIMD operations are generic calls per lane.
    var d0: Double
    var d1: Double
    var d2: Double
    var d3: Double

    init(_ constant: Double) {
        value = constant
        d0 = 0
        d1 = 0
        d2 = 0
        d3 = 0
    }

    @inline(__always)
    init(value: Double, _ d0: Double, _ d1: Double, _ d2: Double, _ d3: Double) {
        self.value = value
        self.d0 = d0
        self.d1 = d1
        self.d2 = d2
        self.d3 = d3
    }

    /// The partial derivatives with respect to the (up to four) variables.
    var gradient: [Double] { [d0, d1, d2, d3] }

    /// The `index`-th independent variable at `value`.
    static func variable(_ value: Double, index: Int) -> GradientDual {
        GradientDual(value: value, index == 0 ? 1 : 0, index == 1 ? 1 : 0, index == 2 ? 1 : 0, index == 3 ? 1 : 0)
    }

    /// value' = f(value), gradient' = slope × gradient.
    @inline(__always)
    private func chained(_ newValue: Double, slope: Double) -> GradientDual {
        GradientDual(value: newValue, slope * d0, slope * d1, slope * d2, slope * d3)
    }

    @inline(__always)
    static func + (lhs: GradientDual, rhs: GradientDual) -> GradientDual {
        GradientDual(value: lhs.value + rhs.value, lhs.d0 + rhs.d0, lhs.d1 + rhs.d1, lhs.d2 + rhs.d2, lhs.d3 + rhs.d3)
    }

    @inline(__always)
    static func - (lhs: GradientDual, rhs: GradientDual) -> GradientDual {
        GradientDual(value: lhs.value - rhs.value, lhs.d0 - rhs.d0, lhs.d1 - rhs.d1, lhs.d2 - rhs.d2, lhs.d3 - rhs.d3)
    }

    @inline(__always)
    static func * (lhs: GradientDual, rhs: GradientDual) -> GradientDual {
        let u = lhs.value
        let v = rhs.value
        return GradientDual(
            value: u * v, v * lhs.d0 + u * rhs.d0, v * lhs.d1 + u * rhs.d1, v * lhs.d2 + u * rhs.d2,
            v * lhs.d3 + u * rhs.d3)
    }

    @inline(__always)
    static func / (lhs: GradientDual, rhs: GradientDual) -> GradientDual {
        let inverse = 1 / rhs.value
        let q = lhs.value * inverse
        return GradientDual(
            value: q, (lhs.d0 - q * rhs.d0) * inverse, (lhs.d1 - q * rhs.d1) * inverse,
            (lhs.d2 - q * rhs.d2) * inverse, (lhs.d3 - q * rhs.d3) * inverse)
    }

    @inline(__always)
    static prefix func - (operand: GradientDual) -> GradientDual { operand.chained(-operand.value, slope: -1) }

    // Mixed operations with constants, cheaper than promoting the constant.
    @inline(__always)
    static func + (lhs: GradientDual, rhs: Double) -> GradientDual { lhs.chained(lhs.value + rhs, slope: 1) }

    @inline(__always)
    static func - (lhs: GradientDual, rhs: Double) -> GradientDual { lhs.chained(lhs.value - rhs, slope: 1) }

    @inline(__always)
    static func * (lhs: GradientDual, rhs: Double) -> GradientDual { lhs.chained(lhs.value * rhs, slope: rhs) }

    @inline(__always)
    static func * (lhs: Double, rhs: GradientDual) -> GradientDual { rhs.chained(lhs * rhs.value, slope: lhs) }

    static func log(_ x: GradientDual) -> GradientDual { x.chained(Foundation.log(x.value), slope: 1 / x.value) }

    static func log1p(_ x: GradientDual) -> GradientDual {
        x.chained(Foundation.log1p(x.value), slope: 1 / (1 + x.value))
    }

    static func exp(_ x: GradientDual) -> GradientDual {
        let e = Foundation.exp(x.value)
        return x.chained(e, slope: e)
    }

    static func expm1(_ x: GradientDual) -> GradientDual {
        x.chained(Foundation.expm1(x.value), slope: Foundation.exp(x.value))
    }

    static func logGamma(_ x: GradientDual) -> GradientDual {
        x.chained(Foundation.lgamma(x.value), slope: SpecialFunctions.digamma(x.value))
    }
}
