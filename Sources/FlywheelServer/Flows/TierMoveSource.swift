public import FlywheelFlows
public import Foundation

/// Where the flows learn of loyalty tier moves (`tier_changed`): the loyalty programme, which derives tiers
/// from the stored orders and refunds (they are not stored), so the flows ask it for the moves in a window —
/// after a batch for the customers it touched (an upgrade at once), and at each sweep for the whole shop
/// (downgrades at a period end). The same facts always give the same moves, so their keys repeat and each
/// flow enters once (`TierMove.detected`).
public protocol TierMoveSource: Sendable {
    /// The moves of `customers` (`nil`: every customer) that took effect in `from…through`.
    func tierMoves(of customers: Set<String>?, from: Date, through: Date) async throws -> [TierMove]
}
