/// A points multiplier in whole percent, so no floating point is involved: 100 is 1×, 200 is 2×, 150 is 1.5×.
///
/// Encoded as the bare integer percentage (`200`).
public struct Multiplier: Hashable, Sendable, Codable, Comparable {
    /// The factor in percent; 100 leaves points unchanged.
    public let percent: Int64

    /// A multiplier of `percent` ÷ 100; percentages below 100 are raised to 100 (a multiplier never takes
    /// points away).
    public init(percent: Int64) { self.percent = max(100, percent) }

    /// No change (1×).
    public static let one = Multiplier(percent: 100)
    /// Double points (2×).
    public static let double = Multiplier(percent: 200)

    /// The extra points this multiplier adds to `points`: `floor(points × (percent − 100) ÷ 100)`.
    public func extra(on points: Int64) -> Int64 {
        EarningArithmetic.multiplyDivide(points, percent - 100, 100)
    }

    public init(from decoder: any Decoder) throws {
        self.init(percent: try decoder.singleValueContainer().decode(Int64.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(percent)
    }

    public static func < (lhs: Multiplier, rhs: Multiplier) -> Bool { lhs.percent < rhs.percent }
}
