import FlywheelCore
public import FlywheelFlows
import FlywheelLoyalty
public import Foundation

extension LoyaltyService: TierMoveSource {
    /// The tier moves (upgrades, downgrades at a period end, downgrades by a refund) that took effect in
    /// `from…through`, derived as the account derives tiers: a few customers each by `tierReplay`, the whole
    /// shop by one replay over paged listings (`shopTierReplay`). A move to no tier (below the first) is not
    /// reported (the event names the new tier); nor are tiers granted on switching in from another provider.
    public func tierMoves(of customers: Set<String>?, from: Date, through: Date) async throws -> [TierMove] {
        guard programme.tiers != nil else { return [] }
        let end = through.addingTimeInterval(1)
        var moves: [TierMove] = []
        func collect(_ customer: String, _ state: TierState?) {
            for change in state?.history ?? [] where change.at >= from && change.at <= through {
                switch change.kind {
                case .upgrade, .downgrade, .refundDowngrade:
                    guard let to = change.to else { continue }
                    moves.append(TierMove(customerID: customer, from: change.from, to: to, at: change.at))
                default:
                    continue
                }
            }
        }
        if let customers {
            for customer in customers.sorted() {
                collect(customer, try await tierReplay(of: customer, before: end).tierState(of: customer))
            }
        } else {
            let (shop, members) = try await shopTierReplay(at: end)
            var replay = shop
            _ = replay.finish(at: end)
            for customer in members.sorted() { collect(customer, replay.tierState(of: customer)) }
        }
        return moves.sorted { $0.at != $1.at ? $0.at < $1.at : $0.customerID < $1.customerID }
    }
}
