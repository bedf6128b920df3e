/// Integer helpers for earning: products computed full-width, results rounded down, never negative.
enum EarningArithmetic {
    /// `floor(a × b ÷ c)` for non-negative `a`, `b` and positive `c`, without intermediate overflow; 0 when
    /// `a` or `b` is not positive; `Int64.max` when the result does not fit.
    static func multiplyDivide(_ a: Int64, _ b: Int64, _ c: Int64) -> Int64 {
        guard a > 0, b > 0, c > 0 else { return 0 }
        let product = UInt64(a).multipliedFullWidth(by: UInt64(b))
        guard product.high < UInt64(c) else { return Int64.max }
        let (quotient, _) = UInt64(c).dividingFullWidth(product)
        return quotient > UInt64(Int64.max) ? Int64.max : Int64(quotient)
    }

    /// 10 to the power `exponent` (a currency's minor-unit digits, 0...3).
    static func powerOfTen(_ exponent: Int) -> Int64 {
        var result: Int64 = 1
        for _ in 0..<max(0, exponent) { result *= 10 }
        return result
    }

    /// Splits `total` over `weights` pro rata: each share is `floor(total × weight ÷ sum)`, and the cents
    /// left over go one each to the first parts with a positive weight. Zero or negative weights get 0;
    /// when no weight is positive everything is 0.
    static func allocate(_ total: Int64, over weights: [Int64]) -> [Int64] {
        let positive = weights.map { max(0, $0) }
        let sum = positive.reduce(0, +)
        guard total > 0, sum > 0 else { return weights.map { _ in 0 } }
        var shares = positive.map { multiplyDivide(total, $0, sum) }
        var left = total - shares.reduce(0, +)
        var index = 0
        while left > 0 {
            if positive[index] > 0 {
                shares[index] += 1
                left -= 1
            }
            index = (index + 1) % shares.count
        }
        return shares
    }
}
