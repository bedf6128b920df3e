import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

@Suite("Example programme: Sephora-like Insider / VIB / Rouge by yearly spend")
struct SephoraLikeProgrammeTests {
    typealias E = ExampleProgrammes

    @Test("the file validates: three tiers by calendar-year spend with growing perks")
    func validates() throws {
        let programme = try E.load("sephora-like")
        let tiers = try #require(programme.tiers)
        #expect(tiers.basis == .spend)
        #expect(tiers.period == .calendarYear)
        #expect(tiers.tiers.map(\.entryThreshold) == [0, 35_000, 100_000])
        #expect(tiers.tiers.map(\.perks.earningMultiplier.percent) == [100, 125, 150])
        #expect(tiers.tiers.map(\.perks.birthdayGiftPoints) == [50, 100, 250])
        #expect(tiers.tiers.map(\.perks.eventAccess) == [false, false, true])
    }

    @Test("a scripted year: upgrades, a refund that costs Rouge and a return to it, tiers kept into the next year")
    func year() throws {
        var replay = ProgrammeReplay(programme: try E.load("sephora-like"), calendar: E.berlin, seed: 3)
        replay.apply(E.customer("mia", birthday: CivilDate(year: 1985, month: 7, day: 20)!))
        // mia: €200 as Insider → 200; €180 → 180 (earned at Insider's 1×; €380 ≥ €350 lifts her to VIB).
        replay.apply(E.order("M1", "mia", E.at(2026, 2, 10), 20_000))
        replay.apply(E.order("L1", "lea", E.at(2026, 3, 1), 12_000))  // lea: 120
        replay.apply(E.order("M2", "mia", E.at(2026, 4, 15), 18_000))
        #expect(replay.tier(of: "mia")?.id == "vib")
        // July, birthday month: VIB's 100 gift points, then €300 at 1.25×: 300 + 75 = 375.
        replay.apply(E.order("M3", "mia", E.at(2026, 7, 5), 30_000))
        // €400 at 1.25×: 400 + 100 = 500; €1,080 spent → Rouge.
        replay.apply(E.order("M4", "mia", E.at(2026, 9, 1), 40_000))
        #expect(replay.tier(of: "mia")?.id == "rouge")
        // €100 of M4 refunded: floor(500 × 100 / 400) = 125 points back; €980 < €1,000 → VIB at once.
        replay.apply(E.refund("RM4", of: "M4", E.at(2026, 9, 20), 10_000))
        #expect(replay.tier(of: "mia")?.id == "vib")
        // €50 at VIB's 1.25×: 50 + floor(12.5) = 62; €1,030 → Rouge again.
        replay.apply(E.order("M5", "mia", E.at(2026, 10, 10), 5_000))
        #expect(replay.tier(of: "mia")?.id == "rouge")
        replay.apply(.redeem(customer: "mia", rewardID: "ten-off", key: "mia-1", at: E.at(2026, 11, 1)))
        // lea: €250 in December → 250; €370 ≥ €350 → VIB.
        replay.apply(E.order("L2", "lea", E.at(2026, 12, 20), 25_000))

        let end = E.at(2027, 1, 15, hour: 12)
        let summary = replay.finish(at: end)
        // Kept through 2027: mia spent €1,030 ≥ Rouge's €1,000 in 2026, lea €370 ≥ VIB's €350.
        #expect(summary.tierCounts == ["rouge": 1, "vib": 1])
        #expect(
            replay.tierState(of: "mia")?.history.map(\.to) == ["insider", "vib", "rouge", "vib", "rouge"])
        // 2027 starts from zero: lea needs the full €1,000 for Rouge.
        let progress = try #require(replay.tierProgress(of: "lea", at: end))
        #expect(progress.summary(currency: .eur, locale: .en) == "1000.00 EUR to Rouge")
        // mia: 200 + 180 + 100 + 375 + 500 − 125 + 62 − 500 = 792; lea: 120 + 250 = 370.
        #expect(replay.spendablePoints(of: "mia", at: end) == 792)
        #expect(replay.spendablePoints(of: "lea", at: end) == 370)
        #expect(summary.pointsIssued == 1_787)  // 1417 + 370
        #expect(summary.pointsReversed == 125)
        #expect(summary.pointsRedeemed == 500)
        #expect(summary.pointsExpired == 0)  // 18 months of inactivity: nobody
        // The July birthday also granted VIB's gift set as a code (no points), beside the €10-off redemption.
        #expect(replay.rewardBook.codes(of: "mia").map(\.rewardID) == ["birthday-gift", "ten-off"])
        #expect(replay.rewardBook.codes(of: "mia").map(\.points) == [0, 500])
        // Liability on 15 Jan 2027 (100 points = €2), lots by age after the redemption took M1 200, M2 180,
        // the birthday 100 and 20 of M3: 0–3 months: L2 250; 3–6: M4 375 (4 months) + M5 62 (3) = 437;
        // 6–12: M3 355 (6) + L1 120 (10) = 475.
        #expect(summary.liability.buckets.map(\.points) == [250, 437, 475, 0])
        #expect(summary.liability.buckets.map(\.valueMinor) == [500, 874, 950, 0])
        #expect(summary.liability.valueMinor == 2_324)  // 1162 × 2
    }
}
