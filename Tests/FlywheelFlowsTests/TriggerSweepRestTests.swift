import FlywheelCore
import Foundation
import Testing

@testable import FlywheelFlows

@Suite("Trigger sweep: VIP by value rank, lapse by probability alive, tier moves")
struct TriggerSweepRestTests {
    typealias S = FlowsTestSupport
    let now = S.utcInstant(2026, 11, 24, 12)

    @Test("VIP: a rank below the threshold enters with the customer's own top share; the key names the threshold")
    func vipRanks() {
        var sweep = ScheduledTriggerSweep(calendar: ShopCalendar(timeZone: S.berlin))
        sweep.vipPercent = 5
        let customers = [
            SweepCustomer(id: "top", valueRankPercent: 0),
            SweepCustomer(id: "fourth", valueRankPercent: 3),
            SweepCustomer(id: "edge", valueRankPercent: 4.99),
            SweepCustomer(id: "at", valueRankPercent: 5),
            SweepCustomer(id: "unknown"),
        ]
        let events = sweep.events(customers: customers, inputs: SweepInputs(), now: now)
        #expect(events.map(\.event.customerID) == ["top", "fourth", "edge"])
        #expect(events.map(\.event.trigger) == [.vipReached(rankPercent: 1), .vipReached(rankPercent: 4), .vipReached(rankPercent: 5)])
        #expect(Set(events.map(\.key)) == ["vip_reached/5"])
        // A later sweep reports the same keys (the scheduler enters each once).
        #expect(sweep.events(customers: customers, inputs: SweepInputs(), now: now.addingTimeInterval(3_600)).map(\.key)
            == events.map(\.key))
        sweep.vipPercent = 10
        #expect(sweep.events(customers: customers, inputs: SweepInputs(), now: now).map(\.key).allSatisfy { $0 == "vip_reached/10" })
    }

    @Test("lapse: the window and p(alive) both report, with one key per last order; p(alive) only under the threshold")
    func bothLapses() {
        let last = now.addingTimeInterval(-61 * 86_400)
        let sweep = ScheduledTriggerSweep(calendar: ShopCalendar(timeZone: S.berlin), pAliveThreshold: 0.3)
        let events = sweep.events(
            customers: [
                SweepCustomer(id: "both", lastOrderAt: last, lapseWindowDays: 60, pAlive: 0.1),
                SweepCustomer(id: "alive", lastOrderAt: last.addingTimeInterval(30 * 86_400), lapseWindowDays: 60, pAlive: 0.9),
                SweepCustomer(id: "model", lastOrderAt: last.addingTimeInterval(30 * 86_400), lapseWindowDays: 60, pAlive: 0.29),
            ], inputs: SweepInputs(), now: now)
        #expect(events.map(\.event.customerID) == ["both", "both", "model"])
        #expect(events.map(\.event.trigger) == [.lapsed(.window), .lapsed(.pAlive), .lapsed(.pAlive)])
        #expect(events[0].key == events[1].key)
        // Without a threshold, p(alive) is not looked at.
        let plain = ScheduledTriggerSweep(calendar: ShopCalendar(timeZone: S.berlin))
        #expect(plain.events(
            customers: [SweepCustomer(id: "model", lastOrderAt: now.addingTimeInterval(-86_400), pAlive: 0.01)],
            inputs: SweepInputs(), now: now).isEmpty)
    }

    @Test("tier moves: tier_changed with tier and previous tier, keyed by the move; old moves are history")
    func tierMoves() {
        let sweep = ScheduledTriggerSweep(calendar: ShopCalendar(timeZone: S.berlin))
        let at = now.addingTimeInterval(-3_600)
        let moves = [
            TierMove(customerID: "c1", from: nil, to: "silver", at: at),
            TierMove(customerID: "c2", from: "gold", to: "silver", at: now.addingTimeInterval(-2 * 86_400)),
            TierMove(customerID: "c3", from: "silver", to: "gold", at: now.addingTimeInterval(-4 * 86_400)),
            TierMove(customerID: "c4", from: "silver", to: "gold", at: now.addingTimeInterval(60)),
        ]
        let events = sweep.events(tierMoves: moves, now: now)
        #expect(events.map(\.event.customerID) == ["c1", "c2"])
        #expect(events[0].key == "tier_changed/none/silver/\(Int64(at.timeIntervalSince1970))")
        #expect(events[1].event.trigger.value(of: .tier) == .string("silver"))
        #expect(events[1].event.trigger.value(of: .previousTier) == .string("gold"))
        #expect(events[0].event.trigger.value(of: .previousTier) == nil)
        // The same move found again (a replayed batch, the sweep) has the same key.
        #expect(sweep.events(tierMoves: [moves[0]], now: now.addingTimeInterval(600)).map(\.key) == [events[0].key])
    }
}
