import FlywheelCore
public import FlywheelLoyalty
public import Foundation

extension LoyaltyService {
    /// The customer's tier state derived on read: the programme replayed over the customer's stored orders
    /// and refunds up to `until` (without `excluding`), period ends closed at `until`. Tiers are not stored:
    /// a customer has tens of orders, so this is a handful of indexed reads and microseconds of replay
    /// (docs/loyalty.md, "In the server": decision and figures). A tier granted by a switch from another
    /// provider (`ImportedLoyaltyMember`, imported before `until`) is a `tierGrant` event at its import time.
    /// Only the tier state of the result is used; its ledger is a scratch copy.
    public func tierReplay(of customer: String, before until: Date, excluding: String? = nil) async throws
        -> ProgrammeReplay
    {
        var events: [ReplayEvent] = []
        for order in try await store.orders(customerExternalID: customer)
        where order.placedAt < until && order.externalID != excluding {
            events.append(.order(order))
            for refund in try await store.refunds(orderExternalID: order.externalID) where refund.createdAt < until {
                events.append(.refund(refund))
            }
        }
        if let grant = try await store.importedMember(customer: customer).flatMap(Self.tierGrant), grant.at < until {
            events.append(grant)
        }
        events.sort { $0.at < $1.at }
        var replay = ProgrammeReplay(programme: programme, calendar: calendar, keepingEntries: false)
        replay.apply(events)
        _ = replay.finish(at: until)
        return replay
    }

    /// The tier grant of an imported member as a replay event; `nil` without a granted tier.
    static func tierGrant(_ member: ImportedLoyaltyMember) -> ReplayEvent? {
        member.tier.map { .tierGrant(customer: member.customer, tier: $0, at: member.importedAt, until: member.tierUntil) }
    }
}
