/// Qualifying activity in one period: spend, orders and points earned (all net of refunds).
public struct QualifyingTotals: Hashable, Sendable, Codable {
    /// Spend in minor units.
    public var spendMinor: Int64 = 0
    /// Orders.
    public var orders: Int64 = 0
    /// Points earned.
    public var points: Int64 = 0

    /// Nothing yet.
    public init() {}

    /// The amount in `basis`'s unit.
    public func value(_ basis: QualifyingBasis) -> Int64 {
        switch basis {
        case .spend: spendMinor
        case .orders: orders
        case .pointsEarned: points
        }
    }

    mutating func add(spendMinor: Int64, orders: Int64, points: Int64) {
        self.spendMinor += spendMinor
        self.orders += orders
        self.points += points
    }
}
