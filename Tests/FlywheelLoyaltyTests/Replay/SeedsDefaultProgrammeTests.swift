import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

@Suite("Example programme: the seeds' default (1 point per euro, 100 points = €10 off, Bronze/Silver/Gold)")
struct SeedsDefaultProgrammeTests {
    typealias E = ExampleProgrammes

    @Test("the file validates and says what the seeds say")
    func validates() throws {
        let programme = try E.load("seeds-default")
        #expect(programme.earning.pointsPerUnit == 1)
        #expect(programme.launchBonusPoints == 100)
        #expect(programme.reward("ten-euro-off")?.kind == .amountOff(minor: 1_000))
        #expect(programme.reward("ten-euro-off")?.costPoints == 100)
        #expect(programme.tiers?.tiers.map(\.name) == ["Bronze", "Silver", "Gold"])
        // Free shipping from the third order (Silver's entry).
        #expect(programme.tiers?.tiers[1].entryThreshold == 3)
        #expect(programme.tiers?.tiers[1].perks.freeShipping == true)
    }

    @Test("a scripted year: pending points, a code used and handed back on a full refund, tiers, liability")
    func year() throws {
        var replay = ProgrammeReplay(programme: try E.load("seeds-default"), calendar: E.berlin, seed: 42)
        // anna: A1 €120 → 100 launch bonus + 120 pending (released on 24 Jan).
        replay.apply(E.order("A1", "anna", E.at(2026, 1, 10), 12_000))
        #expect(replay.spendablePoints(of: "anna", at: E.at(2026, 1, 11)) == 100)
        #expect(replay.pendingPoints(of: "anna") == 120)
        replay.apply(.redeem(customer: "anna", rewardID: "ten-euro-off", key: "anna-r1", at: E.at(2026, 2, 1)))
        // 100 + 120 − 100 = 120.
        #expect(replay.spendablePoints(of: "anna", at: E.at(2026, 2, 1)) == 120)
        let code = try #require(replay.rewardBook.codes(of: "anna").first?.code)
        // ben: B1 €45.99 → floor(45.99) = 45 pending + 100 launch; €20 refunded while pending:
        // floor(45 × 2000 / 4599) = floor(19.57) = 19 reversed, 26 released on 28 Feb.
        replay.apply(E.order("B1", "ben", E.at(2026, 2, 14), 4_599))
        replay.apply(E.refund("RB1", of: "B1", E.at(2026, 2, 20), 2_000))
        // anna: A2 €80 − €10 code = €70 → 70 points; A3 €50 → 50 points, third order → Silver.
        replay.apply(E.order("A2", "anna", E.at(2026, 3, 5), 7_000, code: code, discountMinor: 1_000))
        #expect(replay.rewardBook.code(code)?.status == .used(order: "A2", at: E.at(2026, 3, 5)))
        replay.apply(E.order("A3", "anna", E.at(2026, 4, 10), 5_000))
        #expect(replay.tier(of: "anna")?.id == "silver")
        // A2 refunded in full: its 70 points reversed, the code's 100 points handed back, back to 2 orders → Bronze.
        replay.apply(E.refund("RA2", of: "A2", E.at(2026, 4, 12), 7_000))
        #expect(replay.tier(of: "anna")?.id == "bronze")
        // cara: six €10 orders (10 points each; Silver at the 3rd, Gold at the 6th), then €100 at Gold's 1.5×:
        // 100 + floor(100 × 50 / 100) = 150.
        for day in 1...6 {
            replay.apply(E.order("C\(day)", "cara", E.at(2026, 5, day), 1_000))
        }
        #expect(replay.tier(of: "cara")?.id == "gold")
        replay.apply(E.order("C7", "cara", E.at(2026, 5, 20), 10_000))
        // ben: B2 €200 (200 pending), then two redemptions on 2 June: 100 launch + 26 = 126 spendable → one
        // succeeds, the second is refused (26 < 100); B3 €300, third order → Silver.
        replay.apply(E.order("B2", "ben", E.at(2026, 6, 1), 20_000))
        replay.apply(.redeem(customer: "ben", rewardID: "ten-euro-off", key: "ben-r1", at: E.at(2026, 6, 2)))
        replay.apply(.redeem(customer: "ben", rewardID: "ten-euro-off", key: "ben-r2", at: E.at(2026, 6, 2)))
        replay.apply(E.order("B3", "ben", E.at(2026, 7, 1), 30_000))

        let end = E.at(2026, 12, 31, hour: 12)
        let summary = replay.finish(at: end)
        // anna: 100 + 120 + 70 + 50 − 100 redeemed − 70 reversed + 100 handed back = 270.
        #expect(replay.spendablePoints(of: "anna", at: end) == 270)
        // ben: 100 + 45 − 19 + 200 + 300 − 100 = 526.
        #expect(replay.spendablePoints(of: "ben", at: end) == 526)
        // cara: 100 + 6 × 10 + 150 = 310.
        #expect(replay.spendablePoints(of: "cara", at: end) == 310)
        #expect(summary.tierCounts == ["bronze": 1, "silver": 1, "gold": 1])
        #expect(replay.tierState(of: "anna")?.history.map(\.kind) == [.upgrade, .upgrade, .refundDowngrade])
        // Issued: anna 100+120+70+50 = 340, ben 100+45+200+300 = 645, cara 310 → 1295 (hand-backs are not new).
        #expect(summary.pointsIssued == 1_295)
        #expect(summary.pointsRedeemed == 100)  // anna's 100 handed back, ben's 100 kept
        #expect(summary.pointsReversed == 89)  // 70 + 19
        #expect(summary.pointsExpired == 0)  // 12 months, rounded to month end: nothing before 2027
        #expect(summary.pointsOpen == 1_106)  // 1295 − 100 − 89
        #expect(summary.codesIssued == 2)
        #expect(summary.codesUsed == 1)
        #expect(summary.redemptionsRefused == 1)
        // Liability on 31 Dec, 100 points = €10: B3's 300 (1 July, 5 months) in 3–6 months; the other
        // 806 points (January–May lots, 6–11 months) in 6–12 months.
        #expect(summary.liability.buckets.map(\.points) == [0, 300, 806, 0])
        #expect(summary.liability.buckets.map(\.valueMinor) == [0, 3_000, 8_060, 0])
        #expect(summary.liability.valueMinor == 11_060)  // 1106 × 1000 / 100
        // The issuer is down by what was issued; the hand-back came out of `redeemed`, not the issuer.
        #expect(replay.ledger.balance(of: .programme) == -1_295)
        #expect(LedgerTestSupport.balancesAreConsistent(replay.ledger))
    }
}
