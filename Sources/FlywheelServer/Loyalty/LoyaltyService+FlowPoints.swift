import FlywheelCore
import FlywheelLoyalty
public import Foundation

extension LoyaltyService {
    /// Awards `points` a flow's `give_points` step gives, once per `key` (the step's idempotency key): a
    /// `bonus` source `flow:<key>`, a lot with the programme's expiry from `now`. `false` when the key was
    /// applied before (a step repeated after a crash).
    /// - Throws: `LoyaltyFlowPointsError` for a refused award (points not positive), or the store's error.
    public func giveFlowPoints(customer: String, points: Int64, reason: String, key: String, now: Date) async throws
        -> Bool
    {
        let expiresAt = lotExpiry(earnedAt: now)
        let outcome = try await store.withPointsLedger(customer: customer) { ledger in
            ledger.earn(
                customer: customer, points: points, source: SourceEvent(.bonus, key: "flow:" + key), reason: reason,
                at: now, expiresAt: expiresAt)
        }
        switch outcome {
        case .applied: return true
        case .alreadyApplied: return false
        case .rejected(let error): throw LoyaltyFlowPointsError(key: key, reason: "\(error)")
        }
    }
}

