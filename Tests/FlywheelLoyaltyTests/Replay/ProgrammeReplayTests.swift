import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

@Suite("ProgrammeReplay: exactly once, skipped orders, inactivity expiry, actions with caps")
struct ProgrammeReplayTests {
    typealias E = ExampleProgrammes

    private func programme(_ change: (inout Programme) -> Void = { _ in }) throws -> Programme {
        var programme = try ProgrammeTestSupport.load(ProgrammeTestSupport.json())
        programme.launchBonusPoints = 0
        programme.earning.boosts = []
        programme.expiry = .never
        programme.tiers = nil
        change(&programme)
        return programme
    }

    @Test("an order webhook delivered three times awards once; its refund delivered twice reverses once")
    func exactlyOnce() throws {
        // With the fixture's tiers (spend: Bronze 0, Silver 500, Gold 1000 minor units).
        var tiered = try ProgrammeTestSupport.load(ProgrammeTestSupport.json())
        tiered.launchBonusPoints = 0
        tiered.earning.boosts = []
        var replay = ProgrammeReplay(programme: tiered, calendar: E.berlin)
        for _ in 0..<3 { replay.apply(E.order("1001", "c1", E.at(2026, 3, 2), 12_345)) }
        #expect(replay.spendablePoints(of: "c1", at: E.at(2026, 3, 3)) == 123)
        for _ in 0..<2 { replay.apply(E.refund("r1", of: "1001", E.at(2026, 3, 4), 12_345)) }
        let summary = replay.finish(at: E.at(2026, 3, 5))
        #expect(summary.orders == 1)
        #expect(summary.refunds == 1)
        #expect(summary.pointsReversed == 123)
        #expect(replay.spendablePoints(of: "c1", at: E.at(2026, 3, 5)) == 0)
        // Spend counted once and taken back once: Gold on the order, Bronze after the refund.
        #expect(replay.tierState(of: "c1")?.current.spendMinor == 0)
        #expect(replay.tierState(of: "c1")?.history.map(\.to) == ["gold", "bronze"])
    }

    @Test("guest, cancelled and other-currency orders earn nothing and are counted as skipped")
    func skipped() throws {
        var replay = ProgrammeReplay(programme: try programme(), calendar: E.berlin)
        let at = E.at(2026, 3, 2)
        replay.apply(
            .order(
                Order(
                    externalID: "g", customerExternalID: nil, placedAt: at, currency: .eur, subtotalMinor: 5_000,
                    totalMinor: 5_000)))
        replay.apply(
            .order(
                Order(
                    externalID: "x", customerExternalID: "c1", placedAt: at, currency: .eur, subtotalMinor: 5_000,
                    totalMinor: 5_000, cancelledAt: at)))
        replay.apply(
            .order(
                Order(
                    externalID: "u", customerExternalID: "c1", placedAt: at, currency: .usd, subtotalMinor: 5_000,
                    totalMinor: 5_000)))
        let summary = replay.finish(at: E.at(2026, 3, 3))
        #expect(summary.orders == 0)
        #expect(summary.skippedOrders == 3)
        #expect(summary.pointsIssued == 0)
    }

    @Test("inactivity expiry takes the whole balance at the deadline; activity before it moves the deadline")
    func inactivity() throws {
        let programme = try programme { $0.expiry = ExpiryPolicy(rule: .inactivity(months: 6)) }
        var replay = ProgrammeReplay(programme: programme, calendar: E.berlin)
        replay.apply(E.order("a1", "active", E.at(2026, 1, 10), 10_000))  // 100
        replay.apply(E.order("s1", "sleepy", E.at(2026, 1, 10), 5_000))  // 50
        replay.apply(E.order("a2", "active", E.at(2026, 6, 1), 2_000))  // 20, deadline → 1 Dec
        let summary = replay.finish(at: E.at(2026, 8, 1))
        // sleepy: last active 10 Jan → expired on 10 July; active keeps 120 until 1 December.
        #expect(summary.pointsExpired == 50)
        #expect(replay.spendablePoints(of: "sleepy", at: E.at(2026, 8, 1)) == 0)
        #expect(replay.spendablePoints(of: "active", at: E.at(2026, 8, 1)) == 120)
    }

    @Test("actions earn their fixed points within the cap per local period, once per key")
    func actions() throws {
        let programme = try programme {
            $0.earning.actionPoints = [.review: 30]
            $0.earning.actionCaps = [.review: ActionCap(maxPoints: 50, period: .month)]
        }
        var replay = ProgrammeReplay(programme: programme, calendar: E.berlin)
        replay.apply(.action(customer: "c1", action: .review, key: "rev-1", at: E.at(2026, 3, 1)))
        replay.apply(.action(customer: "c1", action: .review, key: "rev-1", at: E.at(2026, 3, 1)))  // again: nothing
        replay.apply(.action(customer: "c1", action: .review, key: "rev-2", at: E.at(2026, 3, 2)))  // 20 left of 50
        replay.apply(.action(customer: "c1", action: .review, key: "rev-3", at: E.at(2026, 3, 3)))  // cap reached
        replay.apply(.action(customer: "c1", action: .review, key: "rev-4", at: E.at(2026, 4, 1)))  // new month
        #expect(replay.spendablePoints(of: "c1", at: E.at(2026, 4, 2)) == 80)  // 30 + 20 + 30
    }
}

@Suite("ProgrammeReplay: referrals through the seeds' default programme")
struct ProgrammeReplayReferralTests {
    typealias E = ExampleProgrammes

    @Test("both sides rewarded when the friend's first order is past the window; a self-referral earns nothing")
    func referrals() throws {
        var replay = ProgrammeReplay(
            programme: try E.load("seeds-default"), calendar: E.berlin, referralSecret: "test-secret")
        replay.apply(.customer(Customer(externalID: "anna", email: "anna@example.com", createdAt: E.at(2026, 1, 1))))
        let given = replay.referralCode(of: "anna")
        let code = try #require(given)
        #expect(code == ReferralCode.derived(for: "anna", secret: "test-secret", prefix: "FRIEND-"))
        replay.apply(
            .referral(
                friend: "ben", code: code, identity: ReferralIdentity(email: "ben@example.com"), at: E.at(2026, 3, 1)))
        replay.apply(
            .referral(
                friend: "anna-too", code: code, identity: ReferralIdentity(email: "ANNA@example.com"),
                at: E.at(2026, 3, 1)))
        replay.apply(E.order("B1", "ben", E.at(2026, 3, 2), 5_000))  // 50 pending until 16 March
        replay.apply(E.order("X1", "anna-too", E.at(2026, 3, 2), 5_000))
        #expect(replay.spendablePoints(of: "anna", at: E.at(2026, 3, 10)) == 100)  // launch bonus only
        let summary = replay.finish(at: E.at(2026, 4, 1))
        // anna: 100 launch + 100 referrer; ben: 100 launch + 50 order + 50 friend; anna-too: 100 + 50, no referral.
        #expect(replay.spendablePoints(of: "anna", at: E.at(2026, 4, 1)) == 200)
        #expect(replay.spendablePoints(of: "ben", at: E.at(2026, 4, 1)) == 200)
        #expect(replay.spendablePoints(of: "anna-too", at: E.at(2026, 4, 1)) == 150)
        #expect(
            replay.referralBook?.referral(of: "anna-too")?.status == .rejected(reason: .sameEmail, at: E.at(2026, 3, 1))
        )
        #expect(replay.referralBook?.referral(of: "ben")?.status == .rewarded(at: E.at(2026, 3, 16)))
        #expect(summary.pointsIssued == 550)  // 200 + 200 + 150
    }
}
