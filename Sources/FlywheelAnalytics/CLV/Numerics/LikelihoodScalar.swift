import Foundation

/// The arithmetic the CLV likelihoods and special functions are written in, so one generic implementation
/// serves plain evaluation (`Double`) and forward-mode differentiation (`GradientDual`).
protocol LikelihoodScalar: Sendable, BitwiseCopyable {
    /// A constant (no derivative).
    init(_ constant: Double)
    /// The value without derivatives.
    var value: Double { get }

    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static func / (lhs: Self, rhs: Self) -> Self
    static prefix func - (operand: Self) -> Self

    /// Natural logarithm.
    static func log(_ x: Self) -> Self
    /// `log(1 + x)`, accurate for small `x`.
    static func log1p(_ x: Self) -> Self
    /// Exponential.
    static func exp(_ x: Self) -> Self
    /// `exp(x) - 1`, accurate for small `x`.
    static func expm1(_ x: Self) -> Self
    /// `log Γ(x)` for `x > 0`.
    static func logGamma(_ x: Self) -> Self
}

extension LikelihoodScalar {
    static func + (lhs: Self, rhs: Double) -> Self { lhs + Self(rhs) }
    static func + (lhs: Double, rhs: Self) -> Self { Self(lhs) + rhs }
    static func - (lhs: Self, rhs: Double) -> Self { lhs - Self(rhs) }
    static func - (lhs: Double, rhs: Self) -> Self { Self(lhs) - rhs }
    static func * (lhs: Self, rhs: Double) -> Self { lhs * Self(rhs) }
    static func * (lhs: Double, rhs: Self) -> Self { Self(lhs) * rhs }
    static func / (lhs: Self, rhs: Double) -> Self { lhs / Self(rhs) }
    static func / (lhs: Double, rhs: Self) -> Self { Self(lhs) / rhs }

    /// `log(exp(x) + exp(y))` without overflow; `-inf` inputs are fine.
    static func logAddExp(_ x: Self, _ y: Self) -> Self {
        if x.value == -.infinity { return y }
        if y.value == -.infinity { return x }
        return x.value >= y.value ? x + log1p(exp(y - x)) : y + log1p(exp(x - y))
    }

    /// `log(1 - exp(x))` for `x <= 0`, accurate on both ends (Mächler's log1mexp).
    static func log1mExp(_ x: Self) -> Self {
        x.value > -0.693_147_180_559_945_3 ? log(-expm1(x)) : log1p(-exp(x))
    }

    /// `x^y` for `x > 0`.
    static func pow(_ x: Self, _ y: Self) -> Self { exp(y * log(x)) }
}

extension Double: LikelihoodScalar {
    var value: Double { self }
    static func log(_ x: Double) -> Double { Foundation.log(x) }
    static func log1p(_ x: Double) -> Double { Foundation.log1p(x) }
    static func exp(_ x: Double) -> Double { Foundation.exp(x) }
    static func expm1(_ x: Double) -> Double { Foundation.expm1(x) }
    static func logGamma(_ x: Double) -> Double { Foundation.lgamma(x) }
}
