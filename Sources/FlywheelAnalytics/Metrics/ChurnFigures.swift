/// Churn in a period: of the customers alive at its start (their last purchase before it at most the lost
/// window ago), how many crossed the lost window during it without buying again first.
public struct ChurnFigures: Hashable, Codable, Sendable {
    /// Customers alive at the start of the period.
    public var customersAtStart: Int
    /// Of them, those who became lost during the period (up to the snapshot's instant).
    public var churned: Int
    /// churned ÷ customers at start; `nil` when nobody was alive at the start.
    public var rate: Double?

    /// Figures from their parts.
    public init(customersAtStart: Int, churned: Int, rate: Double?) {
        self.customersAtStart = customersAtStart
        self.churned = churned
        self.rate = rate
    }
}
