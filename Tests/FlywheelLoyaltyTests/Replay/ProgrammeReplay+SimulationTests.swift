import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

@Suite("ProgrammeReplay for simulations: redemption assumption, points by rule, lean releases")
struct ProgrammeReplaySimulationTests {
    typealias E = ExampleProgrammes

    /// anna: A1 €120 (10 Jan), A2 €30 (1 Feb), A3 €50 (1 Mar); A1 refunded €60 on 20 Jan (pending).
    static func events() -> [ReplayEvent] {
        [
            E.order("A1", "anna", E.at(2026, 1, 10), 12_000), E.refund("R1", of: "A1", E.at(2026, 1, 20), 6_000),
            E.order("A2", "anna", E.at(2026, 2, 1), 3_000), E.order("A3", "anna", E.at(2026, 3, 1), 5_000),
        ]
    }

    @Test("when-affordable: the cheapest reward, as often as the spendable points cover it, at each order")
    func whenAffordable() throws {
        var replay = ProgrammeReplay(programme: try E.load("seeds-default"), calendar: E.berlin, seed: 3)
        replay.redemption = .whenAffordable
        replay.apply(Self.events())
        // A1: the 100 launch points buy one code at once. A1's 120 pending, 60 reversed → 60 released on
        // 24 Jan; A2 (1 Feb): 60 < 100, none; A2's 30 released 15 Feb; A3 (1 Mar): 90 < 100, none.
        #expect(replay.rewardBook.codes(of: "anna").count == 1)
        let summary = replay.finish(at: E.at(2026, 3, 31))
        #expect(summary.pointsRedeemed == 100)
        #expect(summary.redemptionsRefused == 0)
        // Issued 100 + 120 + 30 + 50 = 300; open 300 − 100 − 60 = 140.
        #expect(summary.pointsIssued == 300)
        #expect(summary.pointsOpen == 140)

        var never = ProgrammeReplay(programme: try E.load("seeds-default"), calendar: E.berlin, seed: 3)
        never.apply(Self.events())
        #expect(never.finish(at: E.at(2026, 3, 31)).pointsRedeemed == 0)
    }

    @Test("points by rule add up to the points issued; tier changes are counted by kind")
    func byRule() throws {
        var replay = ProgrammeReplay(programme: try E.load("seeds-default"), calendar: E.berlin)
        replay.apply(Self.events())
        for day in 1...6 { replay.apply(E.order("C\(day)", "cara", E.at(2026, 5, day), 1_000)) }
        replay.apply(E.order("C7", "cara", E.at(2026, 5, 20), 10_000))
        let summary = replay.finish(at: E.at(2026, 6, 30))
        #expect(summary.members == 2)
        #expect(summary.issuedByRule.launchBonus == 200)
        // 120 + 30 + 50 + 6 × 10 + 100 base; C7 at Gold: 50 extra.
        #expect(summary.issuedByRule.orderBase == 360)
        #expect(summary.issuedByRule.tierMultipliers == 50)
        #expect(summary.issuedByRule.total == summary.pointsIssued)
        // anna: Bronze, Silver (A3); cara: Bronze, Silver, Gold.
        #expect(summary.tierChanges == ["upgrade": 5])
    }

    @Test("a lean ledger marks an order's release in its order table: released once, same outcome as full")
    func leanRelease() throws {
        for keeping in [true, false] {
            var ledger = PointsLedger(keepingEntries: keeping)
            let order = SourceEvent(.order, key: "O1")
            _ = ledger.earn(
                customer: "c", points: 50, source: order, reason: "order", at: E.at(2026, 1, 1),
                orderAmount: Money(minorUnits: 5_000, currency: .eur), pending: true)
            #expect(ledger.hasApplied(order))
            let release = SourceEvent(.release, key: "O1")
            #expect(!ledger.hasApplied(release))
            let first = ledger.release(order: "O1", source: release, reason: "window", at: E.at(2026, 1, 15))
            #expect(first.entries.count == 1)
            #expect(ledger.hasApplied(release))
            #expect(
                ledger.release(order: "O1", source: release, reason: "window", at: E.at(2026, 1, 16)) == .alreadyApplied
            )
            #expect(ledger.balance(of: .available(customer: "c")) == 50)
            #expect(ledger.balance(of: .pending(customer: "c")) == 0)
            // A release keyed otherwise still applies once.
            let other = SourceEvent(.release, key: "batch-7")
            #expect(ledger.release(order: "O1", source: other, reason: "again", at: E.at(2026, 1, 17)).entries.isEmpty)
            #expect(ledger.hasApplied(other))
            #expect(
                ledger.release(order: "O1", source: other, reason: "again", at: E.at(2026, 1, 17)) == .alreadyApplied)
            #expect(
                ledger.release(
                    order: "nope", source: SourceEvent(.release, key: "nope"), reason: "x", at: E.at(2026, 1, 17))
                    == .rejected(.unknownOrder))
        }
    }
}
