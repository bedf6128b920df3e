/// An estimate with a two-sided confidence interval.
public struct ProportionInterval: Hashable, Sendable {
    public var estimate: Double
    public var lower: Double
    public var upper: Double

    public init(estimate: Double, lower: Double, upper: Double) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
    }

    /// Whether the interval excludes zero (for a difference: a significant effect at the chosen level).
    public var excludesZero: Bool { lower > 0 || upper < 0 }

    /// The normal quantile for a 95 % two-sided interval.
    public static let z95 = 1.959_963_984_540_054

    /// Wilson's score interval for `successes` out of `trials` (no continuity correction); `nil` for no trials.
    public static func wilson(successes: Int, trials: Int, z: Double = z95) -> ProportionInterval? {
        guard trials > 0, (0...trials).contains(successes) else { return nil }
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z / (1 + z2 / n) * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return ProportionInterval(estimate: p, lower: max(0, centre - half), upper: min(1, centre + half))
    }

    /// Newcombe's hybrid score interval (his method 10, 1998) for the difference p₁ − p₂ of two independent
    /// proportions, built from the two Wilson intervals; `nil` when either group is empty. Unlike the Wald
    /// interval it stays inside [−1, 1] and keeps its coverage for small counts and rates near 0.
    public static func newcombeDifference(
        successes1: Int, trials1: Int, successes2: Int, trials2: Int, z: Double = z95
    ) -> ProportionInterval? {
        guard let a = wilson(successes: successes1, trials: trials1, z: z),
            let b = wilson(successes: successes2, trials: trials2, z: z)
        else { return nil }
        let d = a.estimate - b.estimate
        let lower =
            d
            - ((a.estimate - a.lower) * (a.estimate - a.lower) + (b.upper - b.estimate) * (b.upper - b.estimate))
            .squareRoot()
        let upper =
            d
            + ((a.upper - a.estimate) * (a.upper - a.estimate) + (b.estimate - b.lower) * (b.estimate - b.lower))
            .squareRoot()
        return ProportionInterval(estimate: d, lower: lower, upper: upper)
    }
}
