public import FlywheelCore
import FlywheelLoyalty
import Foundation
import Testing

/// The concurrency test: 50 clients redeem from one balance at once, through one or several stores
/// on the same database (several stores stand for several processes, each with its own connections).
public enum LedgerConcurrency {
    /// The customer earns 1,000 points; 50 clients at once each redeem 30 (each through the next store, in
    /// turn). Exactly 33 succeed (990 points), 17 are refused with a shortfall of 20 (10 spendable, 30
    /// asked), the balance ends at 10, never below zero, and the stored entries show 33 redemptions.
    public static func redeemTogether(on stores: [any FlywheelStore], clients: Int = 50) async throws {
        precondition(!stores.isEmpty)
        let customer = "member-1"
        let earned = try await stores[0].withPointsLedger(customer: customer) {
            $0.earn(
                customer: customer, points: 1_000, source: SourceEvent(.bonus, key: "gift"), reason: "gift",
                at: StoreFixtures.date(day: 1))
        }
        #expect(earned.entries.count == 1)

        let outcomes = try await withThrowingTaskGroup(of: LedgerOutcome.self) { group in
            for client in 0..<clients {
                let store = stores[client % stores.count]
                group.addTask {
                    try await store.withPointsLedger(customer: customer) {
                        $0.redeem(
                            customer: customer, points: 30, source: SourceEvent(.redemption, key: "client-\(client)"),
                            reason: "reward", at: StoreFixtures.date(day: 2, second: client))
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let succeeded = outcomes.filter { !$0.entries.isEmpty }
        let refused = outcomes.compactMap(\.error)
        #expect(succeeded.count == 33)
        #expect(refused.count == clients - 33)
        #expect(refused.allSatisfy { $0.shortfall == 20 })

        let balance = try await stores[stores.count - 1].ledgerBalance(customer: customer)
        #expect(balance.available == 10)
        let stored = try await stores[0].withLedger(customer: customer) { $0 }
        #expect(stored.balance == balance)
        #expect(stored.sources.count == 1 + 33)
        // Replaying the stored entries in order, the balance never dips below zero.
        var running: Int64 = 0
        var lowest: Int64 = 0
        for entry in stored.entries {
            running += (entry.credit == .available ? entry.points : 0) - (entry.debit == .available ? entry.points : 0)
            lowest = min(lowest, running)
        }
        #expect(lowest == 0 && running == 10)
    }
}
