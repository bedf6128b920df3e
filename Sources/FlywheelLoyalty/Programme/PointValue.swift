/// What points are worth when redeemed, for the liability report: `points` points = `valueMinor` minor units
/// of the programme's currency (100 points = 1000 cents is "100 points = €10").
public struct PointValue: Hashable, Sendable, Codable {
    /// The number of points in the ratio; positive.
    public var points: Int64
    /// What they are worth in minor units; zero or more.
    public var valueMinor: Int64

    /// `points` points are worth `valueMinor` minor units.
    public init(points: Int64, valueMinor: Int64) {
        self.points = points
        self.valueMinor = valueMinor
    }

    /// The value of `openPoints` in minor units, rounded down (full-width, no overflow).
    public func value(of openPoints: Int64) -> Int64 {
        EarningArithmetic.multiplyDivide(openPoints, valueMinor, points)
    }

    enum CodingKeys: String, CodingKey {
        case points
        case valueMinor = "value_minor"
    }
}
