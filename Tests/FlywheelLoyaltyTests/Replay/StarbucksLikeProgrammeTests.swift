import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

@Suite("Example programme: Starbucks-like stars, birthday reward, personalised offers")
struct StarbucksLikeProgrammeTests {
    typealias E = ExampleProgrammes

    @Test("the file validates: 2 stars per euro, a birthday reward, a personalised offer for a segment")
    func validates() throws {
        let programme = try E.load("starbucks-like")
        #expect(programme.earning.pointsPerUnit == 2)
        #expect(programme.earning.actionPoints[.birthday] == 200)
        #expect(programme.challenges.map(\.segment) == [nil, "lapsed"])
        #expect(programme.expiry.rule == .lotAge(months: 6, roundToMonthEnd: true))
    }

    @Test("a scripted year: challenge, Double Star Day, birthday stars, offer, redemption, 6-month expiry")
    func year() throws {
        var replay = ProgrammeReplay(programme: try E.load("starbucks-like"), calendar: E.berlin, seed: 7)
        replay.apply(E.customer("sam", birthday: CivilDate(year: 1990, month: 3, day: 15)!))
        // January: €12.50 → 25 stars, €4 → 8, €4 → 8; the third visit that week completes the challenge: +50.
        replay.apply(E.order("S1", "sam", E.at(2026, 1, 5), 1_250))
        replay.apply(E.order("S2", "sam", E.at(2026, 1, 6), 400))
        replay.apply(E.order("S3", "sam", E.at(2026, 1, 7), 400))
        #expect(replay.spendablePoints(of: "sam", at: E.at(2026, 1, 8)) == 91)  // 25 + 8 + 8 + 50
        // Double Star Day, 14 Feb: €10 → 20 + 20 = 40.
        replay.apply(E.order("S4", "sam", E.at(2026, 2, 14), 1_000))
        // First activity in March (birthday month): 200 birthday stars, then €5 → 10.
        replay.apply(E.order("S5", "sam", E.at(2026, 3, 2), 500))
        #expect(replay.spendablePoints(of: "sam", at: E.at(2026, 3, 3)) == 341)  // 91 + 40 + 200 + 10
        // Put in the "lapsed" segment; the May offer: €6 → 12 + 100.
        replay.apply(.segment(customer: "sam", segment: "lapsed", at: E.at(2026, 4, 30)))
        replay.apply(E.order("S6", "sam", E.at(2026, 5, 10), 600))
        // A drink for 200 stars, first-expiring-first: January's 91 (expire 1 Aug), February's 40 (1 Sep),
        // then 69 of March's 200 birthday stars (1 Oct).
        replay.apply(.redeem(customer: "sam", rewardID: "drink", key: "sam-drink-1", at: E.at(2026, 5, 11)))
        #expect(replay.spendablePoints(of: "sam", at: E.at(2026, 5, 11)) == 253)  // 341 + 112 − 200
        let code = try #require(replay.rewardBook.codes(of: "sam").first?.code)
        #expect(code.wholeMatch(of: /STAR-[A-HJ-NP-Z]{4}-[0-9]{4}/) != nil)
        // November: €20 → 40 stars (expire 1 June 2027).
        replay.apply(E.order("S7", "sam", E.at(2026, 11, 20), 2_000))

        let end = E.at(2026, 12, 31, hour: 12)
        let summary = replay.finish(at: end)
        // Expired: March's 131 + 10 (1 Oct) and May's 12 + 100 (1 Dec) = 253; only November's 40 are left.
        #expect(summary.pointsExpired == 253)
        #expect(replay.spendablePoints(of: "sam", at: end) == 40)
        // Issued: 25 + 8 + 8 + 50 + 40 + 200 + 10 + 12 + 100 + 40 = 493 = 200 redeemed + 253 expired + 40 open.
        #expect(summary.pointsIssued == 493)
        #expect(summary.pointsRedeemed == 200)
        #expect(summary.codesIssued == 1)
        #expect(summary.codesUsed == 0)
        // The drink code was valid 30 days: expired.
        #expect(replay.rewardBook.code(code)?.status == .expired(at: E.at(2026, 6, 10)))
        // Liability: 40 stars, 1 month old, × €2.50 per 100 = 100 cents.
        #expect(summary.liability.buckets.map(\.points) == [40, 0, 0, 0])
        #expect(summary.liability.valueMinor == 100)
        #expect(summary.tierCounts.isEmpty)
        #expect(LedgerTestSupport.balancesAreConsistent(replay.ledger))
    }
}
