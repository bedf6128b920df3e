import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

/// A tier granted on switching in from another provider: a floor until the grant's end, then the retention
/// rule (docs/loyalty.md, "Tier grants").
@Suite("TierRules: granted tiers")
struct TierRulesGrantTests {
    typealias T = TierRulesTests

    private func kinds(_ changes: [TierChange]) -> [String] {
        changes.map { "\($0.kind.rawValue):\($0.from ?? "-")→\($0.to ?? "-")" }
    }

    @Test("a grant raises at once and holds through period ends until its end; then retention judges the ended period")
    func floorUntilEndThenRetention() {
        var machine = T.machine(period: .rolling12Months)
        let until = T.at(2027, 6, 1, 0)
        #expect(kinds(machine.handle(.grant(at: T.at(2026, 11, 24), tier: "gold", until: until))) == ["granted:-→gold"])
        #expect(machine.tier?.id == "gold")
        // No activity: the monthly reviews before the grant's end keep Gold.
        #expect(machine.handle(.advance(to: T.at(2027, 5, 31))).isEmpty)
        #expect(machine.tier?.id == "gold")
        // The review at the grant's end measures the last 12 months (nothing): recomputed to Bronze (€0).
        #expect(kinds(machine.handle(.advance(to: T.at(2027, 6, 2)))) == ["downgrade:gold→bronze"])
        #expect(machine.tier?.id == "bronze")
    }

    @Test("at a calendar-year grant's end, activity at the retention threshold keeps the tier through the next year")
    func retentionKeeps() {
        var machine = T.machine()
        _ = machine.handle(.grant(at: T.at(2026, 3, 1), tier: "gold", until: T.at(2027, 1, 1, 0)))
        // €850 in 2026 ≥ Gold's €800 retention threshold (below its €1,000 entry).
        _ = machine.handle(.order(at: T.at(2026, 4, 1), spendMinor: 85_000, points: 850))
        #expect(machine.handle(.advance(to: T.at(2027, 12, 31))).isEmpty)
        #expect(machine.tier?.id == "gold")
        // 2027 had nothing: lost at its end.
        #expect(kinds(machine.handle(.advance(to: T.at(2028, 1, 2)))) == ["downgrade:gold→bronze"])
    }

    @Test("a calendar-year grant without enough activity ends at the year end; with grace, a downgrade is scheduled")
    func retentionFailsWithGrace() {
        var machine = T.machine(graceDays: 14)
        _ = machine.handle(.grant(at: T.at(2026, 11, 24), tier: "gold", until: T.at(2027, 1, 1, 0)))
        _ = machine.handle(.order(at: T.at(2026, 12, 1), spendMinor: 60_000, points: 600))
        let changes = machine.handle(.advance(to: T.at(2027, 1, 2)))
        #expect(kinds(changes) == ["downgrade_scheduled:gold→silver"])
        #expect(machine.handle(.advance(to: T.at(2027, 1, 16))).map(\.kind) == [.downgrade])
        #expect(machine.tier?.id == "silver")
    }

    @Test("refunds take nothing below a grant in force; a lower grant does not lower; an ended or unknown grant does nothing")
    func refundsAndNoops() {
        var machine = T.machine()
        _ = machine.handle(.order(at: T.at(2026, 2, 1), spendMinor: 60_000, points: 600))
        #expect(machine.tier?.id == "silver")
        // A Bronze grant is below Silver: no change, and Silver stays.
        #expect(machine.handle(.grant(at: T.at(2026, 2, 2), tier: "bronze", until: nil)).isEmpty)
        #expect(machine.tier?.id == "silver")
        _ = machine.handle(.grant(at: T.at(2026, 3, 1), tier: "gold", until: T.at(2027, 1, 1, 0)))
        // The Silver order refunded in full: Gold rests on the grant.
        let refund = TierEvent.refund(
            at: T.at(2026, 3, 5), orderPlacedAt: T.at(2026, 2, 1), spendMinor: 60_000, points: 600, cancelsOrder: true)
        #expect(machine.handle(refund).isEmpty)
        #expect(machine.tier?.id == "gold")
        var other = T.machine()
        #expect(other.handle(.grant(at: T.at(2026, 3, 1), tier: "platinum", until: nil)).isEmpty)
        #expect(other.handle(.grant(at: T.at(2026, 3, 1), tier: "gold", until: T.at(2026, 3, 1))).isEmpty)
        #expect(other.tier == nil)
    }

    @Test("a lifetime grant without end is kept whatever the refunds; the replay applies grants as events")
    func lifetimeAndReplay() {
        var machine = T.machine(period: .lifetime)
        _ = machine.handle(.grant(at: T.at(2026, 3, 1), tier: "silver", until: nil))
        _ = machine.handle(.order(at: T.at(2026, 3, 2), spendMinor: 100_000, points: 1_000))
        #expect(machine.tier?.id == "gold")
        let refund = TierEvent.refund(
            at: T.at(2030, 1, 1), orderPlacedAt: T.at(2026, 3, 2), spendMinor: 100_000, points: 1_000, cancelsOrder: true)
        #expect(kinds(machine.handle(refund)) == ["refund_downgrade:gold→silver"])
    }

    @Test("ProgrammeReplay applies a tier grant event in time order and counts it in the tier distribution")
    func replay() throws {
        typealias E = ExampleProgrammes
        var programme = try ProgrammeTestSupport.load(ProgrammeTestSupport.json())
        programme.launchBonusPoints = 0
        programme.earning.boosts = []
        var replay = ProgrammeReplay(programme: programme, calendar: E.berlin)
        replay.apply(E.order("1", "c1", E.at(2026, 3, 2), 100))
        replay.apply(.tierGrant(customer: "c2", tier: "gold", at: E.at(2026, 3, 3), until: nil))
        #expect(ReplayEvent.tierGrant(customer: "c2", tier: "gold", at: E.at(2026, 3, 3), until: nil).at == E.at(2026, 3, 3))
        let summary = replay.finish(at: E.at(2026, 3, 4))
        #expect(replay.tier(of: "c2")?.id == "gold")
        #expect(replay.tierState(of: "c2")?.history.map(\.kind) == [.granted])
        #expect(summary.tierCounts["gold"] == 1)
        #expect(summary.tierCounts["bronze"] == 1)
    }
}
