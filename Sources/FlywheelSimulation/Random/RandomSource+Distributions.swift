/// The continuous distributions the simulation draws from, built on `PortableMath` so they are portable.
extension RandomSource {
    /// Exponential with the given rate (mean 1/rate).
    mutating func exponential(rate: Double) -> Double { -PortableMath.log(uniformPositive()) / rate }

    /// Standard normal, by Marsaglia's polar method.
    mutating func normal() -> Double {
        while true {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 { return u * (-2 * PortableMath.log(s) / s).squareRoot() }
        }
    }

    /// Gamma with shape `shape` and rate `rate` (mean shape/rate), by Marsaglia and Tsang's method.
    mutating func gamma(shape: Double, rate: Double) -> Double {
        if shape < 1 {
            let boosted = gamma(shape: shape + 1, rate: 1)
            return boosted * PortableMath.pow(uniformPositive(), 1 / shape) / rate
        }
        let d = shape - 1.0 / 3
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = normal()
            var v = 1 + c * x
            if v <= 0 { continue }
            v = v * v * v
            let u = uniformPositive()
            let x2 = x * x
            if u < 1 - 0.0331 * x2 * x2 { return d * v / rate }
            if PortableMath.log(u) < 0.5 * x2 + d * (1 - v + PortableMath.log(v)) { return d * v / rate }
        }
    }

    /// Beta(a, b), from two gamma draws.
    mutating func beta(_ a: Double, _ b: Double) -> Double {
        let x = gamma(shape: a, rate: 1)
        let y = gamma(shape: b, rate: 1)
        return x / (x + y)
    }

    /// Log-normal with the given median and log-scale standard deviation.
    mutating func logNormal(median: Double, sigma: Double) -> Double {
        median * PortableMath.exp(sigma * normal())
    }

    /// An index drawn with probability proportional to `cumulative[i] - cumulative[i-1]`.
    mutating func pick(cumulative: [Double]) -> Int {
        let target = uniform() * cumulative[cumulative.count - 1]
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > target { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
