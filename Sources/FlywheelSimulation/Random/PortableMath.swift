/// `log` and `exp` written with basic IEEE operations only, so they give the same bits on every machine and
/// C library (the platform's `libm` may differ in the last bit, which could change a simulated decision).
/// Accurate to a few units in the last place, which is plenty for sampling.
enum PortableMath {
    private static let ln2High = 6.931_471_803_691_238_164_90e-01
    private static let ln2Low = 1.908_214_929_270_587_700_02e-10
    private static let sqrt2 = 1.414_213_562_373_095_1

    /// The natural logarithm of a positive finite `x`.
    static func log(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite, "log of a non-positive or non-finite number")
        var value = x
        var exponent = 0
        if value < 0x1.0p-1022 {
            value *= 0x1.0p54
            exponent -= 54
        }
        let bits = value.bitPattern
        exponent += Int((bits >> 52) & 0x7FF) - 1023
        var mantissa = Double(bitPattern: (bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000)
        if mantissa > sqrt2 {
            mantissa *= 0.5
            exponent += 1
        }
        // log(m) = 2 atanh(s) = 2 (s + s³/3 + s⁵/5 + …), |s| ≤ 0.172.
        let s = (mantissa - 1) / (mantissa + 1)
        let s2 = s * s
        var series = 1.0 / 23
        var k = 21.0
        while k >= 1 {
            series = series * s2 + 1 / k
            k -= 2
        }
        let e = Double(exponent)
        return e * ln2High + (e * ln2Low + 2 * s * series)
    }

    /// e to the power `x`.
    static func exp(_ x: Double) -> Double {
        if x > 709.78 { return .infinity }
        if x < -745.2 { return 0 }
        let k = (x / (ln2High + ln2Low)).rounded()
        let r = (x - k * ln2High) - k * ln2Low
        // Taylor series of e^r, |r| ≤ 0.347.
        var sum = 1.0
        var n = 14.0
        while n >= 1 {
            sum = 1 + sum * r / n
            n -= 1
        }
        return scale(sum, byPowerOfTwo: Int(k))
    }

    /// `base` to the power `exponent`, for positive `base`.
    static func pow(_ base: Double, _ exponent: Double) -> Double { exp(exponent * log(base)) }

    /// `value × 2^k` without rounding while the result is normal.
    private static func scale(_ value: Double, byPowerOfTwo k: Int) -> Double {
        var result = value
        var remaining = k
        while remaining > 1000 {
            result *= 0x1.0p1000
            remaining -= 1000
        }
        while remaining < -1000 {
            result *= 0x1.0p-1000
            remaining += 1000
        }
        if remaining >= -1022 {
            return result * Double(bitPattern: UInt64(remaining + 1023) << 52)
        }
        return result * 0x1.0p-1000 * Double(bitPattern: UInt64(remaining + 1000 + 1023) << 52)
    }
}
