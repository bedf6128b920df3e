import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

@Suite("PointsLedger: redemption and expiry")
struct PointsLedgerSpendingTests {
    typealias S = LedgerTestSupport

    @Test("redemption spends first-expiring-first, then earliest earned, never-expiring last")
    func firstExpiringFirst() {
        var ledger = PointsLedger()
        S.earnOrder(&ledger, key: "never", points: 100, amountMinor: 10_000, day: 0, expiresDay: nil)
        S.earnOrder(&ledger, key: "late", points: 100, amountMinor: 10_000, day: 1, expiresDay: 300)
        S.earnOrder(&ledger, key: "soon-b", points: 100, amountMinor: 10_000, day: 5, expiresDay: 200)
        S.earnOrder(&ledger, key: "soon-a", points: 100, amountMinor: 10_000, day: 3, expiresDay: 200)
        let outcome = ledger.redeem(
            customer: "c1", points: 350, source: SourceEvent(.redemption, key: "r1"), reason: "€10 off", at: S.day(10))
        #expect(outcome.entries.map(\.points) == [100, 100, 100, 50])
        #expect(
            ledger.origins(of: SourceEvent(.redemption, key: "r1")).map(\.earnedBy.key) == [
                "soon-a", "soon-b", "late", "never",
            ])
        #expect(ledger.balance(of: .available(customer: "c1")) == 50)
        #expect(ledger.balance(of: .redeemed) == 350)
        #expect(S.balancesAreConsistent(ledger))
    }

    @Test("redemption never drives a balance below zero and names the shortfall")
    func insufficientPoints() {
        var ledger = PointsLedger()
        S.earnOrder(&ledger, key: "1", points: 80, amountMinor: 8_000)
        let source = SourceEvent(.redemption, key: "r1")
        let outcome = ledger.redeem(customer: "c1", points: 100, source: source, reason: "€10 off", at: S.day(1))
        #expect(outcome.error?.shortfall == 20)
        #expect(outcome.error?.description.contains("short by 20") == true)
        #expect(ledger.balance(of: .available(customer: "c1")) == 80)
        #expect(ledger.entries.count == 1)
        // The refused redemption may be retried once the customer has enough.
        S.earnOrder(&ledger, key: "2", points: 20, amountMinor: 2_000, day: 2)
        #expect(
            ledger.redeem(customer: "c1", points: 100, source: source, reason: "€10 off", at: S.day(3)).entries.count
                == 2)
        #expect(
            ledger.redeem(customer: "c1", points: 100, source: source, reason: "€10 off", at: S.day(3))
                == .alreadyApplied)
        #expect(ledger.balance(of: .available(customer: "c1")) == 0)
    }

    @Test("concurrent-looking redemptions: exactly the affordable number succeed")
    func affordableRedemptions() {
        var ledger = PointsLedger()
        S.earnOrder(&ledger, key: "1", points: 1_000, amountMinor: 100_000)
        let results = (0..<50).map { i in
            ledger.redeem(
                customer: "c1", points: 30, source: SourceEvent(.redemption, key: "r\(i)"), reason: "reward",
                at: S.day(1))
        }
        #expect(results.filter { $0.error == nil }.count == 33)
        #expect(ledger.balance(of: .available(customer: "c1")) == 10)
    }

    @Test("points past their expiry cannot be redeemed, and the expiry run moves them to expired once")
    func expiry() {
        var ledger = PointsLedger()
        S.earnOrder(&ledger, key: "old", points: 40, amountMinor: 4_000, day: 0, expiresDay: 30)
        S.earnOrder(&ledger, key: "new", points: 60, amountMinor: 6_000, day: 20, expiresDay: 400)
        #expect(ledger.spendablePoints(of: "c1", at: S.day(30)) == 60)
        let early = ledger.redeem(
            customer: "c1", points: 70, source: SourceEvent(.redemption, key: "r"), reason: "x", at: S.day(31))
        #expect(early.error?.shortfall == 10)
        let run = SourceEvent(.expiry, key: "2026-02-01")
        let outcome = ledger.expire(source: run, reason: "points older than 30 days", at: S.day(31))
        #expect(outcome.entries.map(\.points) == [40])
        #expect(outcome.entries.map(\.credit) == [.expired])
        #expect(ledger.expire(source: run, reason: "again", at: S.day(31)) == .alreadyApplied)
        #expect(ledger.balance(of: .expired) == 40)
        #expect(ledger.balance(of: .available(customer: "c1")) == 60)
        #expect(ledger.origins(of: run).map(\.earnedBy.key) == ["old"])
        #expect(S.balancesAreConsistent(ledger))
    }
}
