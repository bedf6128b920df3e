import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

@Suite("PointsLedger: earning, balances, exactly once")
struct PointsLedgerTests {
    typealias S = LedgerTestSupport

    @Test("earning moves points from the programme to the customer, as one entry with source and reason")
    func earning() {
        var ledger = PointsLedger()
        let outcome = S.earnOrder(&ledger, key: "1001", points: 120, amountMinor: 12_000)
        #expect(outcome.entries.count == 1)
        let entry = outcome.entries[0]
        #expect(entry.debit == .programme)
        #expect(entry.credit == .available(customer: "c1"))
        #expect(entry.points == 120)
        #expect(entry.source == SourceEvent(.order, key: "1001"))
        #expect(entry.reason == "order 1001")
        #expect(ledger.balance(of: .available(customer: "c1")) == 120)
        #expect(ledger.balance(of: .programme) == -120)
        #expect(S.balancesAreConsistent(ledger))
        #expect(entry.debit.description == "programme")
        #expect(entry.credit.description == "customer:c1:available")
    }

    @Test("a webhook delivered three times awards once")
    func exactlyOnce() {
        var ledger = PointsLedger()
        #expect(S.earnOrder(&ledger, key: "1001", points: 50, amountMinor: 5_000).entries.count == 1)
        #expect(S.earnOrder(&ledger, key: "1001", points: 50, amountMinor: 5_000) == .alreadyApplied)
        #expect(S.earnOrder(&ledger, key: "1001", points: 99, amountMinor: 9_900) == .alreadyApplied)
        #expect(ledger.entries.count == 1)
        #expect(ledger.balance(of: .available(customer: "c1")) == 50)
    }

    @Test("the same key under another kind is another event")
    func keysArePerKind() {
        var ledger = PointsLedger()
        S.earnOrder(&ledger, key: "42", points: 10, amountMinor: 1_000)
        let bonus = ledger.earn(
            customer: "c1", points: 5, source: SourceEvent(.bonus, key: "42"), reason: "launch bonus", at: S.day(0))
        #expect(bonus.entries.count == 1)
        #expect(ledger.balance(of: .available(customer: "c1")) == 15)
    }

    @Test("refused earnings change nothing and name the problem")
    func refusedEarnings() {
        var ledger = PointsLedger()
        let noAmount = ledger.earn(
            customer: "c1", points: 10, source: SourceEvent(.order, key: "1"), reason: "order", at: S.day(0))
        #expect(noAmount.error == .missingOrderAmount)
        let zero = ledger.earn(
            customer: "c1", points: 0, source: SourceEvent(.bonus, key: "b"), reason: "bonus", at: S.day(0))
        #expect(zero.error?.description == "points must be positive, got 0")
        let wrongKind = ledger.earn(
            customer: "c1", points: 10, source: SourceEvent(.redemption, key: "r"), reason: "x", at: S.day(0))
        #expect(wrongKind.error?.description.contains("does not fit") == true)
        #expect(ledger.entries.isEmpty)
        // A refused event was not applied, so a corrected retry goes through.
        #expect(!ledger.hasApplied(SourceEvent(.order, key: "1")))
        #expect(S.earnOrder(&ledger, key: "1", points: 10, amountMinor: 1_000).entries.count == 1)
    }

    @Test("a manual adjustment records the admin, and a deduction goes back to the programme")
    func manualAdjustment() {
        var ledger = PointsLedger()
        let add = ledger.adjust(
            customer: "c1", points: 30, admin: "alice", source: SourceEvent(.manual, key: "t-1"),
            reason: "goodwill for late parcel", at: S.day(1))
        #expect(add.entries.first?.admin == "alice")
        let remove = ledger.adjust(
            customer: "c1", points: -10, admin: "bob", source: SourceEvent(.manual, key: "t-2"),
            reason: "duplicate goodwill", at: S.day(2))
        #expect(remove.entries.map(\.admin) == ["bob"])
        #expect(remove.entries.map(\.credit) == [.programme])
        #expect(ledger.balance(of: .available(customer: "c1")) == 20)
        let tooMuch = ledger.adjust(
            customer: "c1", points: -21, admin: "bob", source: SourceEvent(.manual, key: "t-3"), reason: "x",
            at: S.day(2))
        #expect(tooMuch.error?.shortfall == 1)
        #expect(S.balancesAreConsistent(ledger))
    }
}
