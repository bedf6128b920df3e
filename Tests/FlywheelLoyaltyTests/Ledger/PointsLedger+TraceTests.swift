import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

@Suite("PointsLedger: tracing points from order to use")
struct PointsLedgerTraceTests {
    typealias S = LedgerTestSupport

    @Test("each lot shows the order that earned it and every redemption, expiry and reversal that used it")
    func trace() {
        var ledger = PointsLedger()
        S.earnOrder(&ledger, key: "A", points: 50, amountMinor: 5_000, day: 0, expiresDay: 30)
        S.earnOrder(&ledger, key: "B", points: 50, amountMinor: 5_000, day: 1, expiresDay: 60)
        S.earnOrder(&ledger, customer: "other", key: "C", points: 10, amountMinor: 1_000)
        _ = ledger.redeem(
            customer: "c1", points: 70, source: SourceEvent(.redemption, key: "r1"), reason: "reward", at: S.day(2))
        _ = ledger.refund(
            order: "B", amount: S.euros(2_000), source: SourceEvent(.refund, key: "rf"), reason: "return",
            at: S.day(3))
        _ = ledger.expire(source: SourceEvent(.expiry, key: "d61"), reason: "expired", at: S.day(61))

        let traces = ledger.trace(customer: "c1")
        #expect(traces.map(\.lot.source.key) == ["A", "B"])
        #expect(traces[0].uses.map(\.source) == [SourceEvent(.redemption, key: "r1")])
        #expect(traces[0].uses.map(\.points) == [50])
        #expect(traces[1].uses.map(\.source.kind) == [.redemption, .refund, .expiry])
        #expect(traces[1].uses.map(\.points) == [20, 20, 10])
        // Every earned point is accounted for: used or still remaining.
        for trace in traces {
            #expect(trace.uses.reduce(0) { $0 + $1.points } + trace.lot.remaining == trace.lot.earned)
        }
        let origins = ledger.origins(of: SourceEvent(.redemption, key: "r1"))
        #expect(origins.map(\.earnedBy.key) == ["A", "B"])
        #expect(origins.map(\.points) == [50, 20])
        #expect(ledger.trace(customer: "nobody").isEmpty)
    }
}
