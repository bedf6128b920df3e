import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

@Suite("PointsLedger: pending points, hand-back of redeemed points, whole-balance expiry")
struct PointsLedgerPendingTests {
    typealias S = LedgerTestSupport

    private func earnPending(_ ledger: inout PointsLedger, key: String, points: Int64, amountMinor: Int64) {
        _ = ledger.earn(
            customer: "c1", points: points, source: SourceEvent(.order, key: key), reason: "order \(key)",
            at: S.day(0), orderAmount: S.euros(amountMinor), pending: true)
    }

    @Test("pending points are not spendable until the return window closes, then move pending → available")
    func pendingThenReleased() {
        var ledger = PointsLedger()
        earnPending(&ledger, key: "1001", points: 50, amountMinor: 5_000)
        #expect(ledger.balance(of: .pending(customer: "c1")) == 50)
        #expect(ledger.spendablePoints(of: "c1", at: S.day(1)) == 0)
        let refused = ledger.redeem(
            customer: "c1", points: 10, source: SourceEvent(.redemption, key: "r1"), reason: "reward", at: S.day(1))
        #expect(refused.error?.shortfall == 10)

        let released = ledger.release(
            order: "1001", source: SourceEvent(.release, key: "1001"), reason: "return window closed", at: S.day(30))
        #expect(released.entries.map(\.debit) == [.pending(customer: "c1")])
        #expect(released.entries.map(\.credit) == [.available(customer: "c1")])
        #expect(ledger.balance(of: .pending(customer: "c1")) == 0)
        #expect(ledger.spendablePoints(of: "c1", at: S.day(30)) == 50)
        #expect(
            ledger.release(order: "1001", source: SourceEvent(.release, key: "1001"), reason: "again", at: S.day(31))
                == .alreadyApplied)
        #expect(ledger.trace(customer: "c1").first?.uses.isEmpty == true)  // a release is not a use
        #expect(S.balancesAreConsistent(ledger))
    }

    @Test("a refund before the window closes reverses from pending; the release moves only the rest")
    func refundWhilePending() {
        var ledger = PointsLedger()
        earnPending(&ledger, key: "1001", points: 50, amountMinor: 5_000)
        // €20 of €50 refunded: floor(50 × 2000 / 5000) = 20 points reversed from pending.
        let refund = ledger.refund(
            order: "1001", amount: S.euros(2_000), source: SourceEvent(.refund, key: "rf1"), reason: "refund",
            at: S.day(3))
        #expect(refund.entries.map(\.debit) == [.pending(customer: "c1")])
        #expect(refund.entries.map(\.points) == [20])
        let released = ledger.release(
            order: "1001", source: SourceEvent(.release, key: "1001"), reason: "window closed", at: S.day(30))
        #expect(released.entries.map(\.points) == [30])
        #expect(ledger.balance(of: .available(customer: "c1")) == 30)
        #expect(ledger.balance(of: .reversed) == 20)
        #expect(S.balancesAreConsistent(ledger))
    }

    @Test("hand-back returns at most what the redemption spent, as a new lot from `redeemed`")
    func handBack() {
        var ledger = PointsLedger()
        S.earnOrder(&ledger, key: "1001", points: 300, amountMinor: 30_000)
        let redemption = SourceEvent(.redemption, key: "red-1")
        _ = ledger.redeem(customer: "c1", points: 200, source: redemption, reason: "€20 off", at: S.day(2))
        let tooMuch = ledger.handBack(
            customer: "c1", points: 201, redemption: redemption, source: SourceEvent(.handBack, key: "red-1"),
            reason: "order refunded", at: S.day(9))
        #expect(tooMuch.error == .handBackExceedsRedeemed(requested: 201, redeemed: 200))
        let back = ledger.handBack(
            customer: "c1", points: 200, redemption: redemption, source: SourceEvent(.handBack, key: "red-1"),
            reason: "order refunded", at: S.day(9))
        #expect(back.entries.map(\.debit) == [.redeemed])
        #expect(ledger.balance(of: .redeemed) == 0)
        #expect(ledger.balance(of: .available(customer: "c1")) == 300)
        #expect(ledger.lots.count == 2)
        let unknown = ledger.handBack(
            customer: "c1", points: 1, redemption: SourceEvent(.redemption, key: "nope"),
            source: SourceEvent(.handBack, key: "nope"), reason: "x", at: S.day(9))
        #expect(unknown.error == .unknownRedemption)
        #expect(S.balancesAreConsistent(ledger))
    }

    @Test("whole-balance expiry takes every available lot but leaves pending ones")
    func expireBalance() {
        var ledger = PointsLedger()
        S.earnOrder(&ledger, key: "1001", points: 40, amountMinor: 4_000, expiresDay: 500)
        S.earnOrder(&ledger, key: "1002", points: 60, amountMinor: 6_000)
        earnPending(&ledger, key: "1003", points: 7, amountMinor: 700)
        S.earnOrder(&ledger, customer: "c2", key: "2001", points: 5, amountMinor: 500)
        let outcome = ledger.expireBalance(
            customer: "c1", source: SourceEvent(.expiry, key: "inactive:c1"), reason: "inactive", at: S.day(400))
        #expect(outcome.entries.map(\.points) == [40, 60])
        #expect(ledger.balance(of: .available(customer: "c1")) == 0)
        #expect(ledger.balance(of: .pending(customer: "c1")) == 7)
        #expect(ledger.balance(of: .available(customer: "c2")) == 5)
        #expect(S.balancesAreConsistent(ledger))
    }
}
