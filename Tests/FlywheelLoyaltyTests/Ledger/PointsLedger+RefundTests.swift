import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

@Suite("PointsLedger: refunds reverse what the order earned")
struct PointsLedgerRefundTests {
    typealias S = LedgerTestSupport

    private func refund(
        _ ledger: inout PointsLedger, order: String = "1001", key: String, minor: Int64, day: Int = 5
    ) -> LedgerOutcome {
        ledger.refund(
            order: order, amount: S.euros(minor), source: SourceEvent(.refund, key: key), reason: "refund \(key)",
            at: S.day(day))
    }

    @Test("a full refund reverses all the order's points")
    func fullRefund() {
        var ledger = PointsLedger()
        S.earnOrder(&ledger, key: "1001", points: 100, amountMinor: 10_000)
        S.earnOrder(&ledger, key: "1002", points: 30, amountMinor: 3_000)
        let outcome = refund(&ledger, key: "rf1", minor: 10_000)
        #expect(outcome == .applied(entries: outcome.entries, shortfall: 0))
        #expect(outcome.entries.map(\.points) == [100])
        #expect(outcome.entries.map(\.credit) == [.reversed])
        #expect(ledger.balance(of: .available(customer: "c1")) == 30)
        #expect(refund(&ledger, key: "rf1", minor: 10_000) == .alreadyApplied)
        #expect(S.balancesAreConsistent(ledger))
    }

    @Test("partial refunds round down; the last refund reverses the remainder")
    func partialRefunds() {
        var ledger = PointsLedger()
        S.earnOrder(&ledger, key: "1001", points: 10, amountMinor: 3_000)
        // 1/3 of 10 points = 3.33 → 3; 2/3 cumulative = 6.67 → 6 (3 more); the rest = 4.
        #expect(refund(&ledger, key: "a", minor: 1_000).entries.map(\.points) == [3])
        #expect(refund(&ledger, key: "b", minor: 1_000).entries.map(\.points) == [3])
        #expect(refund(&ledger, key: "c", minor: 1_000).entries.map(\.points) == [4])
        #expect(ledger.balance(of: .reversed) == 10)
        #expect(ledger.balance(of: .available(customer: "c1")) == 0)
    }

    @Test("refunds beyond the order amount reverse no more than earned")
    func overRefund() {
        var ledger = PointsLedger()
        S.earnOrder(&ledger, key: "1001", points: 7, amountMinor: 1_000)
        #expect(refund(&ledger, key: "a", minor: 999).entries.map(\.points) == [6])
        #expect(refund(&ledger, key: "b", minor: 5_000).entries.map(\.points) == [1])
        let after = refund(&ledger, key: "c", minor: 5_000)
        #expect(after.entries.isEmpty)
        #expect(ledger.balance(of: .reversed) == 7)
    }

    @Test("spent points are not clawed back: what is left is reversed and the rest recorded as a shortfall")
    func shortfall() {
        var ledger = PointsLedger()
        S.earnOrder(&ledger, key: "1001", points: 100, amountMinor: 10_000, day: 0, expiresDay: 100)
        S.earnOrder(&ledger, key: "1002", points: 50, amountMinor: 5_000, day: 1, expiresDay: 200)
        _ = ledger.redeem(
            customer: "c1", points: 80, source: SourceEvent(.redemption, key: "r1"), reason: "€8 off", at: S.day(2))
        let outcome = refund(&ledger, key: "rf1", minor: 10_000)
        #expect(outcome == .applied(entries: outcome.entries, shortfall: 80))
        #expect(outcome.entries.map(\.points) == [20])
        #expect(ledger.refundShortfalls.map(\.points) == [80])
        #expect(ledger.refundShortfalls.first?.order == SourceEvent(.order, key: "1001"))
        // The other order's lot is untouched and no balance is negative.
        #expect(ledger.balance(of: .available(customer: "c1")) == 50)
        #expect(ledger.lots[1].remaining == 50)
        #expect(S.balancesAreConsistent(ledger))
    }

    @Test("refunds of unknown orders or in another currency are refused")
    func refusedRefunds() {
        var ledger = PointsLedger()
        S.earnOrder(&ledger, key: "1001", points: 10, amountMinor: 1_000)
        #expect(refund(&ledger, order: "nope", key: "a", minor: 100).error == .unknownOrder)
        let usd = ledger.refund(
            order: "1001", amount: Money(minorUnits: 100, currency: .usd), source: SourceEvent(.refund, key: "b"),
            reason: "x", at: S.day(1))
        #expect(usd.error == .currencyMismatch)
        #expect(refund(&ledger, key: "c", minor: 0).error == .nonPositiveAmount)
        #expect(ledger.entries.count == 1)
    }

    @Test("pro-rating does not overflow for large points and amounts")
    func largeValues() {
        var ledger = PointsLedger()
        S.earnOrder(&ledger, key: "1001", points: 4_000_000_000_000, amountMinor: 9_000_000_000_000)
        #expect(refund(&ledger, key: "a", minor: 4_500_000_000_000).entries.map(\.points) == [2_000_000_000_000])
    }
}
