import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

@Suite("Example programme: Prime-like paid membership with cashback as store credit")
struct PrimeLikeProgrammeTests {
    typealias E = ExampleProgrammes

    @Test("the file validates: a yearly fee, free fast shipping, member prices, 2 % back (1 point = 1 cent)")
    func validates() throws {
        let programme = try E.load("prime-like")
        let membership = try #require(programme.membership)
        #expect(membership.feeMinor == 6_900)
        #expect(membership.periodMonths == 12)
        #expect(membership.fastShipping)
        #expect(programme.pointValue == PointValue(points: 1, valueMinor: 1))
        #expect(programme.reward("credit-1")?.kind == .storeCredit(minor: 100))
    }

    @Test("a scripted year: fee, member savings, cashback earned, refunded and paid out as credit")
    func year() throws {
        var replay = ProgrammeReplay(programme: try E.load("prime-like"), calendar: E.berlin)
        replay.apply(.membershipFee(customer: "pia", at: E.at(2026, 1, 1)))
        // €50 of deals + €30 other, €4.90 shipping: 2 × 80 = 160 cents back (shipping earns nothing);
        // saves floor(5000 × 10 %) = 500 on deals and the 490 shipping.
        let lines = [
            LineItem(sku: "D1", quantity: 1, totalMinor: 5_000, category: "deals"),
            LineItem(sku: "X1", quantity: 1, totalMinor: 3_000, category: "home"),
        ]
        replay.apply(E.order("P1", "pia", E.at(2026, 2, 1), 8_000, shippingMinor: 490, lines: lines))
        replay.apply(E.order("T1", "tom", E.at(2026, 3, 1), 2_500))  // not a member: 50 back, no savings
        // €100 + €4.90 shipping → 200 back, saves the shipping; refunded in full two days later.
        replay.apply(E.order("P2", "pia", E.at(2026, 5, 1), 10_000, shippingMinor: 490))
        replay.apply(E.refund("RP2", of: "P2", E.at(2026, 5, 3), 10_490))
        replay.apply(.redeem(customer: "pia", rewardID: "credit-1", key: "pia-credit-1", at: E.at(2026, 6, 1)))

        let end = E.at(2026, 12, 31, hour: 12)
        let summary = replay.finish(at: end)
        #expect(replay.isMember("pia", at: end))  // paid 1 Jan 2026 → until 1 Jan 2027 00:00 Berlin
        #expect(!replay.isMember("pia", at: E.at(2027, 1, 1)))
        #expect(!replay.isMember("tom", at: end))
        #expect(summary.membershipFeesMinor == 6_900)
        #expect(summary.memberOrders == 2)
        #expect(summary.memberSavingsMinor == 1_480)  // 500 + 490 + 490
        // pia: 160 + 200 − 200 reversed − 100 paid out = 60; tom: 50.
        #expect(replay.spendablePoints(of: "pia", at: end) == 60)
        #expect(replay.spendablePoints(of: "tom", at: end) == 50)
        #expect(summary.pointsIssued == 410)
        #expect(summary.pointsReversed == 200)
        #expect(summary.pointsRedeemed == 100)
        // 110 open cents of credit, 9–10 months old, owed 1:1.
        #expect(summary.liability.buckets.map(\.points) == [0, 0, 110, 0])
        #expect(summary.liability.valueMinor == 110)
    }
}
