/// Exact arithmetic for derived figures: money averages stay integer minor units (rounded half away from
/// zero), rates are `Double` fractions only where a ratio is the figure itself.
enum Fraction {
    /// `numerator / denominator` rounded half away from zero; `nil` when the denominator is zero.
    static func rounded(_ numerator: Int64, _ denominator: Int64) -> Int64? {
        guard denominator != 0 else { return nil }
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        guard remainder != 0 else { return quotient }
        let awayFromZero = (numerator < 0) != (denominator < 0) ? quotient - 1 : quotient + 1
        return remainder.magnitude * 2 >= denominator.magnitude ? awayFromZero : quotient
    }

    /// `numerator / denominator` as a rate; `nil` when the denominator is zero.
    static func ratio(_ numerator: Int64, _ denominator: Int64) -> Double? {
        denominator == 0 ? nil : Double(numerator) / Double(denominator)
    }

    /// An amount times a margin in basis points, rounded half away from zero.
    static func applyingMargin(_ amount: Int64, basisPoints: Int) -> Int64 {
        rounded(amount * Int64(basisPoints), 10_000)!
    }
}
