import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

@Suite("Expiry: lot age and inactivity in the shop's zone, the switch-on rule, advance notices, liability")
struct ExpiryTests {
    static let berlin = ShopCalendar(timeZone: TimeZone(identifier: "Europe/Berlin")!)

    static func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0) -> Date {
        berlin.instant(localDate: CivilDate(year: year, month: month, day: day)!, secondsOfDay: hour * 3600)
    }

    private func earn(
        _ ledger: inout PointsLedger, _ customer: String, _ key: String, _ points: Int64, at: Date, expiresAt: Date?,
        pending: Bool = false
    ) {
        _ = ledger.earn(
            customer: customer, points: points, source: SourceEvent(.order, key: key), reason: key, at: at,
            expiresAt: expiresAt, orderAmount: Money(minorUnits: points * 100, currency: .eur), pending: pending)
    }

    @Test("lot age: the same local day N months later (clamped), or the end of that month when rounded")
    func lotAge() {
        let plain = ExpiryPolicy(rule: .lotAge(months: 1, roundToMonthEnd: false))
        #expect(
            plain.lotExpiry(earnedAt: Self.at(2026, 1, 31, 15), switchedOn: nil, calendar: Self.berlin)
                == Self.at(2026, 2, 28))
        let rounded = ExpiryPolicy(rule: .lotAge(months: 12, roundToMonthEnd: true))
        #expect(
            rounded.lotExpiry(earnedAt: Self.at(2026, 1, 10, 9), switchedOn: nil, calendar: Self.berlin)
                == Self.at(2027, 2, 1))
        // 23:30 UTC on 31 Jan is 1 Feb in Berlin: the lot belongs to February.
        let lateJanuaryUTC = Date(timeIntervalSince1970: 1_769_902_200)  // 2026-01-31T23:30:00Z
        #expect(
            rounded.lotExpiry(earnedAt: lateJanuaryUTC, switchedOn: nil, calendar: Self.berlin) == Self.at(2027, 3, 1))
    }

    @Test("switching expiry on bites only one full period after the switch")
    func switchOn() {
        let policy = ExpiryPolicy(rule: .lotAge(months: 12, roundToMonthEnd: false))
        // Earned in January 2026, expiry switched on 1 June 2026: not before 1 June 2027.
        #expect(
            policy.lotExpiry(earnedAt: Self.at(2026, 1, 10), switchedOn: Self.at(2026, 6, 1), calendar: Self.berlin)
                == Self.at(2027, 6, 1))
        #expect(
            policy.lotExpiry(earnedAt: Self.at(2026, 9, 10), switchedOn: Self.at(2026, 6, 1), calendar: Self.berlin)
                == Self.at(2027, 9, 10))
        let inactivity = ExpiryPolicy(rule: .inactivity(months: 6))
        #expect(
            inactivity.inactivityDeadline(
                lastActivity: Self.at(2025, 3, 1), switchedOn: Self.at(2026, 1, 1), calendar: Self.berlin)
                == Self.at(2026, 7, 1))
        #expect(
            inactivity.inactivityDeadline(
                lastActivity: Self.at(2026, 3, 5), switchedOn: Self.at(2026, 1, 1), calendar: Self.berlin)
                == Self.at(2026, 9, 5))
    }

    @Test("advance notices: '120 points expire on 1 March', N days ahead, one per customer and date")
    func notices() {
        let policy = ExpiryPolicy(rule: .lotAge(months: 12, roundToMonthEnd: true), noticeDays: 30)
        var ledger = PointsLedger()
        earn(&ledger, "c1", "o1", 70, at: Self.at(2026, 2, 3), expiresAt: Self.at(2027, 3, 1))
        earn(&ledger, "c1", "o2", 50, at: Self.at(2026, 2, 20), expiresAt: Self.at(2027, 3, 1))
        earn(&ledger, "c1", "o3", 10, at: Self.at(2026, 3, 2), expiresAt: Self.at(2027, 4, 1))
        earn(&ledger, "c2", "o4", 30, at: Self.at(2026, 2, 5), expiresAt: Self.at(2027, 3, 1), pending: true)
        _ = ledger.redeem(
            customer: "c1", points: 20, source: SourceEvent(.redemption, key: "r"), reason: "r", at: Self.at(2026, 5, 1)
        )
        // 30 days before 1 March 2027 is 30 January: on 15 January nothing is due yet.
        #expect(
            ExpiryNotices.due(ledger: ledger, policy: policy, now: Self.at(2027, 1, 15), calendar: Self.berlin).isEmpty)
        let due = ExpiryNotices.due(ledger: ledger, policy: policy, now: Self.at(2027, 2, 1), calendar: Self.berlin)
        // 70 + 50 − 20 redeemed first-expiring-first from o1 = 100; c2's points are pending.
        #expect(due.map(\.points) == [100])
        #expect(due.first?.expiresOn == "2027-03-01")
        #expect(due.first?.key == "expiry-notice:c1:2027-03-01")
    }

    @Test("inactivity notices announce the whole spendable balance before the deadline")
    func inactivityNotices() {
        let policy = ExpiryPolicy(rule: .inactivity(months: 12), noticeDays: 14)
        var ledger = PointsLedger()
        earn(&ledger, "c1", "o1", 120, at: Self.at(2026, 3, 1), expiresAt: nil)
        let lastActivity = ["c1": Self.at(2026, 3, 1)]
        let due = ExpiryNotices.due(
            ledger: ledger, policy: policy, now: Self.at(2027, 2, 20), calendar: Self.berlin, lastActivity: lastActivity
        )
        #expect(due.map(\.points) == [120])
        #expect(due.first?.expiresOn == "2027-03-01")
    }

    @Test("liability: open points × redemption value, by lot age; expired lots out, pending apart")
    func liability() {
        var ledger = PointsLedger()
        let now = Self.at(2027, 1, 15)
        earn(&ledger, "c1", "young", 150, at: Self.at(2026, 12, 20), expiresAt: nil)  // 0 months
        earn(&ledger, "c1", "mid", 275, at: Self.at(2026, 9, 1), expiresAt: nil)  // 4 months
        earn(&ledger, "c2", "old", 1_000, at: Self.at(2025, 12, 1), expiresAt: nil)  // 13 months
        earn(&ledger, "c2", "gone", 500, at: Self.at(2025, 1, 1), expiresAt: Self.at(2026, 1, 1))  // expired
        earn(&ledger, "c3", "wait", 40, at: Self.at(2027, 1, 10), expiresAt: nil, pending: true)
        let report = LiabilityReport(
            ledger: ledger, value: PointValue(points: 100, valueMinor: 1_000), at: now, calendar: Self.berlin)
        #expect(report.buckets.map(\.points) == [150, 275, 0, 1_000])
        // 150 × 1000/100 = 1500; 275 × 10 = 2750; 1000 × 10 = 10000 → 14250 (€142.50).
        #expect(report.buckets.map(\.valueMinor) == [1_500, 2_750, 0, 10_000])
        #expect(report.valueMinor == 14_250)
        #expect(report.pendingPoints == 40)
        #expect(report.pendingValueMinor == 400)
    }
}
