import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

/// Notices from the store's open lots (the server's shop-wide read) agree with notices from a ledger.
@Suite("ExpiryNotices from open lots")
struct ExpiryNoticesOpenLotsTests {
    typealias T = ExpiryTests

    static func lot(_ customer: String, _ number: Int, earned: Int64, remaining: Int64, at: Date, expires: Date?, pending: Bool = false)
        -> LedgerOpenLot
    {
        LedgerOpenLot(
            lot: LedgerLotRecord(
                customer: customer, number: number, sourceKind: "order", sourceKey: "\(customer)-\(number)", earnedAt: at,
                expiresAt: expires, earned: earned, pending: pending),
            remaining: remaining, isPending: pending)
    }

    @Test("lot age: each lot's remaining points within the window, summed per customer and date; pending and past lots left out")
    func lotAge() {
        let policy = ExpiryPolicy(rule: .lotAge(months: 12, roundToMonthEnd: true), noticeDays: 30)
        let lots = [
            Self.lot("a", 0, earned: 100, remaining: 60, at: T.at(2026, 1, 10), expires: T.at(2027, 2, 1)),
            Self.lot("a", 1, earned: 50, remaining: 50, at: T.at(2026, 1, 20), expires: T.at(2027, 2, 1)),
            Self.lot("a", 2, earned: 70, remaining: 70, at: T.at(2026, 3, 1), expires: T.at(2027, 4, 1)),
            Self.lot("b", 0, earned: 40, remaining: 40, at: T.at(2026, 1, 5), expires: T.at(2027, 2, 1), pending: true),
            Self.lot("c", 0, earned: 30, remaining: 30, at: T.at(2025, 1, 5), expires: T.at(2026, 2, 1)),
        ]
        let notices = ExpiryNotices.due(openLots: lots, policy: policy, now: T.at(2027, 1, 15), calendar: T.berlin)
        #expect(notices.map(\.customer) == ["a"])
        #expect(notices.first?.points == 110)
        #expect(notices.first?.expiresOn == "2027-02-01")
        // A longer window (the flow sweep's) reaches April too; none without notice days.
        #expect(ExpiryNotices.due(openLots: lots, policy: policy, now: T.at(2027, 1, 15), calendar: T.berlin, days: 90).count == 2)
        #expect(ExpiryNotices.due(openLots: lots, policy: ExpiryPolicy(rule: .never), now: T.at(2027, 1, 15), calendar: T.berlin).isEmpty)
    }

    @Test("inactivity: the whole spendable balance at the deadline from the last activity and the switch-on rule")
    func inactivity() {
        let policy = ExpiryPolicy(rule: .inactivity(months: 6), noticeDays: 14)
        let lots = [
            Self.lot("a", 0, earned: 100, remaining: 100, at: T.at(2026, 2, 10, 12), expires: nil),
            Self.lot("a", 1, earned: 20, remaining: 20, at: T.at(2026, 2, 12, 12), expires: nil, pending: true),
            Self.lot("b", 0, earned: 80, remaining: 80, at: T.at(2026, 5, 1, 12), expires: nil),
        ]
        let last = ["a": T.at(2026, 2, 12, 12), "b": T.at(2026, 5, 1, 12)]
        let notices = ExpiryNotices.due(
            openLots: lots, policy: policy, now: T.at(2026, 8, 1), calendar: T.berlin, lastActivity: last,
            switchedOn: T.at(2026, 1, 1))
        #expect(notices.count == 1)
        #expect(notices.first?.customer == "a")
        #expect(notices.first?.points == 100)  // the pending 20 are not spendable
        #expect(notices.first?.expiresOn == "2026-08-12")
        // Switched on in June: nothing before December.
        #expect(
            ExpiryNotices.due(
                openLots: lots, policy: policy, now: T.at(2026, 8, 1), calendar: T.berlin, lastActivity: last,
                switchedOn: T.at(2026, 6, 1)
            ).isEmpty)
    }
}
