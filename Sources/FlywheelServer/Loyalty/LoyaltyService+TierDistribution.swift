import FlywheelCore
public import FlywheelLoyalty
public import Foundation

extension LoyaltyService {
    /// Members per tier at `now`, derived as `tierReplay` derives one customer's tier but for the whole shop at
    /// once: every stored order and refund (paged listings, `pageSize` a page) and every imported tier grant
    /// replayed in time order through one lean `ProgrammeReplay`, period ends closed at `now`. The number of
    /// store reads grows with the pages, never with the customers (no query per customer). Tier ids in the
    /// programme's order, each with its count (zero included); `withoutTier` counts customers known to the
    /// replay below the first tier. Empty without tiers.
    public func tierDistribution(at now: Date, pageSize: Int = 2_000) async throws -> TierDistribution {
        guard let settings = programme.tiers else { return TierDistribution(tiers: [], withoutTier: 0) }
        var (replay, _) = try await shopTierReplay(at: now, pageSize: pageSize)
        let counts = replay.finish(at: now).tierCounts
        return TierDistribution(
            tiers: settings.tiers.map { (tier: $0, members: counts[$0.id] ?? 0) }, withoutTier: counts[""] ?? 0)
    }

    /// Every stored order and refund before `now` (paged listings, `pageSize` a page) and every imported tier
    /// grant replayed in time order through one lean `ProgrammeReplay` (not finished), with the customers it
    /// saw. The number of store reads grows with the pages, never with the customers.
    func shopTierReplay(at now: Date, pageSize: Int = 2_000) async throws -> (ProgrammeReplay, Set<String>) {
        var events: [ReplayEvent] = []
        var after: String?
        repeat {
            let page = try await store.orders(OrderQuery(after: after, limit: pageSize, placedBefore: now))
            events.append(contentsOf: page.items.lazy.filter { $0.customerExternalID != nil }.map(ReplayEvent.order))
            after = page.nextAfter
        } while after != nil
        repeat {
            let page = try await store.refunds(ListQuery(after: after, limit: pageSize))
            events.append(contentsOf: page.items.lazy.filter { $0.createdAt < now }.map(ReplayEvent.refund))
            after = page.nextAfter
        } while after != nil
        for member in try await store.importedMembers() {
            if let grant = Self.tierGrant(member), grant.at < now { events.append(grant) }
        }
        events.sort { $0.at < $1.at }
        var customers: Set<String> = []
        for event in events {
            switch event {
            case .order(let order): if let customer = order.customerExternalID { customers.insert(customer) }
            case .tierGrant(let customer, _, _, _): customers.insert(customer)
            default: break
            }
        }
        var replay = ProgrammeReplay(programme: programme, calendar: calendar, keepingEntries: false)
        replay.apply(events)
        return (replay, customers)
    }

    /// Members per tier (`tierDistribution(at:)`).
    public struct TierDistribution: Sendable {
        /// Each tier of the programme, in its order, with its members.
        public var tiers: [(tier: Tier, members: Int)]
        /// Customers with orders or a grant but below the first tier.
        public var withoutTier: Int
    }
}
