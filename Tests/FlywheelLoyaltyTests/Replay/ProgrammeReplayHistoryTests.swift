import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

@Suite("ProgrammeReplay through a programme history: changes apply from their effective time")
struct ProgrammeReplayHistoryTests {
    typealias E = ExampleProgrammes

    @Test(
        "points earned before a change keep their amount; refunds reverse what their version gave; expiry switched on mid-year bites a full period later"
    )
    func versions() throws {
        var first = try E.load("seeds-default")
        first.expiry = .never
        var second = first
        second.version = 2
        second.effectiveFrom = E.at(2026, 7, 1, hour: 0)
        second.earning.pointsPerUnit = 2
        second.expiry = ExpiryPolicy(rule: .inactivity(months: 3), noticeDays: 14)
        var history = ProgrammeHistory(first: first)
        try history.schedule(second, now: E.at(2026, 5, 1))

        var replay = ProgrammeReplay(history: history, calendar: E.berlin)
        replay.apply(E.order("old", "c2", E.at(2026, 2, 1), 3_000))  // 100 launch + 30
        replay.apply(E.order("J1", "c1", E.at(2026, 6, 10), 10_000))  // 100 launch + 100 (1 per euro)
        replay.apply(E.order("J2", "c1", E.at(2026, 7, 10), 10_000))  // 200 (2 per euro from 1 July)
        #expect(replay.programme.version == 2)
        // Half of June's order refunded in August: floor(100 × 5000 / 10000) = 50, not half of 200.
        replay.apply(E.refund("RJ1", of: "J1", E.at(2026, 8, 1), 5_000))
        #expect(replay.spendablePoints(of: "c1", at: E.at(2026, 8, 2)) == 350)  // 100 + 100 + 200 − 50

        let summary = replay.finish(at: E.at(2026, 10, 2))
        // c2 was last active on 1 Feb: 3 months would be 1 May, but expiry was switched on on 1 July, so it bites
        // on 1 October (3 months after the switch), taking all 130.
        #expect(summary.pointsExpired == 130)
        let expiries = replay.ledger.entries.filter { $0.credit == .expired }
        let firstOfOctober = E.berlin.instant(localDate: CivilDate(year: 2026, month: 10, day: 1)!, secondsOfDay: 0)
        #expect(expiries.map(\.points) == [100, 30])  // the launch lot and the order's lot
        #expect(expiries.allSatisfy { $0.at == firstOfOctober })
        // c1 was active on 1 August: deadline 1 November, not yet.
        #expect(replay.spendablePoints(of: "c1", at: E.at(2026, 10, 2)) == 350)
    }

    @Test("a version that would change the past is refused; the history stays as it was")
    func noRewrite() throws {
        let first = try E.load("seeds-default")
        var change = first
        change.version = 2
        change.effectiveFrom = E.at(2026, 3, 1)
        var history = ProgrammeHistory(first: first)
        #expect(throws: ProgrammeError.self) { try history.schedule(change, now: E.at(2026, 4, 1)) }
        #expect(history.versions.count == 1)
    }
}
