import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

/// A lean replay (`keepingEntries: false`) takes fast paths of its own — an order's earning and its release
/// after the return window move balances without building entries, and the release queue keeps only the
/// order's slot — so it is checked against the full ledger's replay of the same history.
@Suite("ProgrammeReplay: lean ledger equals full ledger")
struct ProgrammeReplayLeanLedgerTests {
    typealias E = ExampleProgrammes

    @Test(
        "a lean replay ends with the full replay's balances, lots, entry count and summary",
        arguments: ["seeds-default", "starbucks-like", "sephora-like", "prime-like"])
    func leanEqualsFull(programmeName: String) throws {
        let programme = try E.load(programmeName)
        let events = ReplaySummaryCombiningTests.events()
        let middle = E.at(2026, 6, 30)
        let end = E.at(2026, 12, 31)
        for redemption in [SimulatedRedemption.never, .whenAffordable] {
            var full = ProgrammeReplay(programme: programme, calendar: E.berlin)
            var lean = ProgrammeReplay(programme: programme, calendar: E.berlin, keepingEntries: false)
            full.redemption = redemption
            lean.redemption = redemption
            lean.reserveCapacity(orders: events.count, customers: 60)
            full.apply(events.filter { $0.at <= middle })
            lean.apply(events.filter { $0.at <= middle })
            #expect(lean.ledger.entryCount == full.ledger.entryCount)
            #expect(lean.ledger.entryCount > 0)
            #expect(lean.ledger.entries.isEmpty)
            var pendingSeen = false
            for n in 0..<60 {
                let customer = "c\(n)"
                #expect(lean.spendablePoints(of: customer, at: middle) == full.spendablePoints(of: customer, at: middle))
                #expect(lean.pendingPoints(of: customer) == full.pendingPoints(of: customer))
                #expect(lean.ledger.balance(of: .available(customer: customer)) == full.ledger.balance(of: .available(customer: customer)))
                #expect(lean.ledger.balance(of: .pending(customer: customer)) == full.ledger.balance(of: .pending(customer: customer)))
                #expect(lean.tierState(of: customer) == full.tierState(of: customer))
                pendingSeen = pendingSeen || full.pendingPoints(of: customer) > 0
            }
            #expect(lean.ledger.lots == full.ledger.lots)
            #expect(lean.ledger.accounts == full.ledger.accounts)
            if programme.returnWindowDays ?? 0 > 0 { #expect(pendingSeen, "some points are still pending mid-year") }
            full.apply(events.filter { $0.at > middle })
            lean.apply(events.filter { $0.at > middle })
            #expect(lean.finish(at: end) == full.finish(at: end), "\(programmeName), \(redemption)")
            #expect(lean.ledger.lots == full.ledger.lots)
            #expect(lean.ledger.entryCount == full.ledger.entryCount)
        }
    }

    @Test("an order delivered twice earns once and is released once in a lean replay")
    func duplicateOrder() throws {
        let programme = try E.load("seeds-default")
        var lean = ProgrammeReplay(programme: programme, calendar: E.berlin, keepingEntries: false)
        let at = E.at(2026, 3, 2)
        let order = E.order("O1", "c1", at, 5_000)
        lean.apply([order, order])
        #expect(lean.pendingPoints(of: "c1") == 50)
        lean.apply(E.order("O2", "c1", at.addingTimeInterval(20 * 86_400), 2_000))
        #expect(lean.pendingPoints(of: "c1") == 20)
        #expect(lean.ledger.balance(of: .available(customer: "c1")) == 150)
        #expect(lean.ledger.hasApplied(SourceEvent(.release, key: "O1")))
        #expect(!lean.ledger.hasApplied(SourceEvent(.release, key: "O2")))
    }
}
