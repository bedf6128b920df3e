import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

@Suite("TierRules: upgrade at once, downgrade at period end with grace, refunds re-evaluate")
struct TierRulesTests {
    static let berlin = ShopCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!)
    /// Bronze €0, Silver €500, Gold €1,000 to enter and €800 to keep.
    static let spendTiers = [
        Tier(id: "bronze", name: "Bronze", entryThreshold: 0),
        Tier(id: "silver", name: "Silver", entryThreshold: 50_000),
        Tier(id: "gold", name: "Gold", entryThreshold: 100_000, retentionThreshold: 80_000),
    ]

    static func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 12) -> Date {
        berlin.instant(localDate: CivilDate(year: year, month: month, day: day)!, secondsOfDay: hour * 3600)
    }

    static func machine(
        period: TierPeriod = .calendarYear, basis: QualifyingBasis = .spend, tiers: [Tier] = spendTiers,
        downgrade: DowngradeMode = .recompute, graceDays: Int = 0
    ) -> TierMachine {
        TierMachine(
            rules: TierRules(
                settings: TierSettings(
                    basis: basis, period: period, tiers: tiers, downgrade: downgrade, graceDays: graceDays),
                calendar: berlin))
    }

    private func kinds(_ changes: [TierChange]) -> [String] {
        changes.map { "\($0.kind.rawValue):\($0.from ?? "-")→\($0.to ?? "-")" }
    }

    @Test("upgrades happen at once to the highest tier reached; progress says what the next tier needs")
    func upgrades() {
        var machine = Self.machine()
        #expect(
            kinds(machine.handle(.order(at: Self.at(2026, 3, 1), spendMinor: 10_000, points: 100))) == [
                "upgrade:-→bronze"
            ])
        let progress = machine.progress(at: Self.at(2026, 3, 2))
        #expect(progress.needed == 40_000)  // €500 − €100
        #expect(progress.summary(currency: .eur, locale: .en) == "400.00 EUR to Silver")
        #expect(progress.summary(currency: .eur, locale: .de) == "noch 400.00 EUR bis Silver")
        // €100 + €950 = €1,050 ≥ Gold's €1,000: straight past Silver.
        #expect(
            kinds(machine.handle(.order(at: Self.at(2026, 5, 1), spendMinor: 95_000, points: 950))) == [
                "upgrade:bronze→gold"
            ])
        #expect(machine.progress(at: Self.at(2026, 5, 2)).needed == nil)
        #expect(machine.state.history.count == 2)
    }

    @Test("a calendar-year tier is kept through the next year and lost at its end, after the grace period")
    func calendarYearWithGrace() {
        var machine = Self.machine(graceDays: 14)
        _ = machine.handle(.order(at: Self.at(2026, 6, 1), spendMinor: 105_000, points: 1_050))
        // 2027: only €100. Gold is kept through 2027 (earned in 2026).
        #expect(machine.handle(.order(at: Self.at(2027, 2, 1), spendMinor: 10_000, points: 100)).isEmpty)
        #expect(machine.tier?.id == "gold")
        // End of 2027: €100 < €800 to keep Gold, < €500 for Silver → Bronze, effective 14 days later.
        let scheduled = machine.handle(.advance(to: Self.at(2028, 1, 2)))
        #expect(kinds(scheduled) == ["downgrade_scheduled:gold→bronze"])
        #expect(scheduled.first?.effectiveAt == Self.at(2028, 1, 15, 0))
        #expect(machine.tier?.id == "gold")
        #expect(kinds(machine.handle(.advance(to: Self.at(2028, 1, 15, 0)))) == ["downgrade:gold→bronze"])
        #expect(machine.tier?.id == "bronze")
    }

    @Test("reaching the retention threshold during the grace period cancels the downgrade")
    func graceCancelled() {
        var machine = Self.machine(graceDays: 14)
        _ = machine.handle(.order(at: Self.at(2026, 6, 1), spendMinor: 105_000, points: 1_050))
        _ = machine.handle(.advance(to: Self.at(2028, 1, 3)))
        // €800 on 10 January 2028 reaches Gold's retention threshold in the new period.
        #expect(
            kinds(machine.handle(.order(at: Self.at(2028, 1, 10), spendMinor: 80_000, points: 800)))
                == ["downgrade_cancelled:gold→gold"])
        #expect(machine.handle(.advance(to: Self.at(2028, 2, 1))).isEmpty)
        #expect(machine.tier?.id == "gold")
    }

    @Test("one tier at a time falls one step per period end; recompute falls straight to the qualifying tier")
    func downgradeModes() {
        var stepwise = Self.machine(downgrade: .oneAtATime)
        _ = stepwise.handle(.order(at: Self.at(2026, 6, 1), spendMinor: 105_000, points: 1_050))
        #expect(kinds(stepwise.handle(.advance(to: Self.at(2028, 1, 1, 1)))) == ["downgrade:gold→silver"])
        #expect(kinds(stepwise.handle(.advance(to: Self.at(2029, 1, 1, 1)))) == ["downgrade:silver→bronze"])
        // Bronze's threshold is 0: kept for ever.
        #expect(stepwise.handle(.advance(to: Self.at(2031, 1, 1, 1))).isEmpty)

        var recompute = Self.machine()
        _ = recompute.handle(.order(at: Self.at(2026, 6, 1), spendMinor: 105_000, points: 1_050))
        #expect(kinds(recompute.handle(.advance(to: Self.at(2028, 1, 1, 1)))) == ["downgrade:gold→bronze"])
    }

    @Test("a refund that takes away the upgrade's activity moves the customer down at once")
    func refundReevaluates() {
        var machine = Self.machine()
        _ = machine.handle(.order(at: Self.at(2026, 3, 1), spendMinor: 60_000, points: 600))
        _ = machine.handle(.order(at: Self.at(2026, 4, 1), spendMinor: 50_000, points: 500))
        #expect(machine.tier?.id == "gold")
        // The €500 order refunded in full: €600 left → Silver.
        let changes = machine.handle(
            .refund(
                at: Self.at(2026, 4, 10), orderPlacedAt: Self.at(2026, 4, 1), spendMinor: 50_000, points: 500,
                cancelsOrder: true))
        #expect(kinds(changes) == ["refund_downgrade:gold→silver"])
        #expect(machine.state.current.orders == 1)
        // A partial refund that leaves €550 keeps Silver.
        #expect(
            machine.handle(
                .refund(
                    at: Self.at(2026, 4, 11), orderPlacedAt: Self.at(2026, 3, 1), spendMinor: 5_000, points: 50,
                    cancelsOrder: false)
            ).isEmpty)
    }

    @Test("periods follow the shop's zone: 23:30 UTC on 31 December is already the new year in Berlin")
    func shopZone() {
        var machine = Self.machine()
        let newYearInBerlin = Date(timeIntervalSince1970: 1_798_759_800)  // 2026-12-31T23:30:00Z
        _ = machine.handle(.order(at: Self.at(2026, 12, 1), spendMinor: 40_000, points: 400))
        _ = machine.handle(.order(at: newYearInBerlin, spendMinor: 20_000, points: 200))
        // €400 in 2026 and €200 in 2027 — never €600 in one year, so no Silver.
        #expect(machine.tier?.id == "bronze")
        #expect(machine.state.current.spendMinor == 20_000)
    }

    @Test("rolling 12 months by orders: upgrade on the third order, reviewed at month ends once orders age out")
    func rollingOrders() {
        let tiers = [
            Tier(id: "member", name: "Member", entryThreshold: 1),
            Tier(id: "regular", name: "Regular", entryThreshold: 3, retentionThreshold: 2),
        ]
        var machine = Self.machine(period: .rolling12Months, basis: .orders, tiers: tiers)
        _ = machine.handle(.order(at: Self.at(2026, 1, 10), spendMinor: 1_000, points: 10))
        _ = machine.handle(.order(at: Self.at(2026, 2, 10), spendMinor: 1_000, points: 10))
        #expect(
            kinds(machine.handle(.order(at: Self.at(2026, 3, 10), spendMinor: 1_000, points: 10))) == [
                "upgrade:member→regular"
            ])
        // Review on 1 Feb 2027: the window Feb 2026 – Jan 2027 holds 2 orders ≥ retention 2 → kept.
        #expect(machine.handle(.advance(to: Self.at(2027, 2, 1, 1))).isEmpty)
        // Review on 1 Mar 2027: Mar 2026 – Feb 2027 holds 1 order < 2 → Member.
        #expect(kinds(machine.handle(.advance(to: Self.at(2027, 3, 1, 1)))) == ["downgrade:regular→member"])
    }

    @Test("every N days: 90-day periods from an anchor, kept through the next period")
    func everyNDays() {
        let period = TierPeriod.everyNDays(days: 90, anchor: CivilDate(year: 2026, month: 1, day: 1)!)
        var machine = Self.machine(period: period)
        _ = machine.handle(.order(at: Self.at(2026, 1, 5), spendMinor: 60_000, points: 600))  // period 0
        #expect(machine.tier?.id == "silver")
        // Period 1 starts 1 April (day 90), period 2 on 30 June (day 180): kept through period 1, lost at its end.
        #expect(machine.handle(.advance(to: Self.at(2026, 6, 29))).isEmpty)
        let changes = machine.handle(.advance(to: Self.at(2026, 6, 30)))
        #expect(kinds(changes) == ["downgrade:silver→bronze"])
        #expect(changes.first?.at == Self.at(2026, 6, 30, 0))
    }

    @Test("lifetime tiers are never lost except by refunds")
    func lifetime() {
        var machine = Self.machine(period: .lifetime)
        _ = machine.handle(.order(at: Self.at(2026, 1, 5), spendMinor: 60_000, points: 600))
        #expect(machine.handle(.advance(to: Self.at(2036, 1, 1))).isEmpty)
        #expect(machine.tier?.id == "silver")
        let changes = machine.handle(
            .refund(
                at: Self.at(2036, 1, 2), orderPlacedAt: Self.at(2026, 1, 5), spendMinor: 20_000, points: 200,
                cancelsOrder: false))
        #expect(kinds(changes) == ["refund_downgrade:silver→bronze"])
    }
}
