import FlywheelAnalytics
import FlywheelCore
import Foundation
import Testing

@Suite("Value ranks and probabilities alive for the flows' triggers")
struct FlowInputsTests {
    @Test("value ranks: the share of buyers who spent more; below X is exactly the VIP top X %")
    func ranks() throws {
        let engine = RFMTests.engine
        let snapshot = engine.snapshot(asOf: TestShop.instant("2025-01-31T12:00:00Z"))
        let ranks = snapshot.valueRankPercents()
        // c1…c10 spent 100.00 × their number: c10 is at the top, c1 at the bottom.
        #expect(ranks.count == 10)
        #expect(ranks["c10"] == 0 && ranks["c9"] == 10 && ranks["c1"] == 90)
        for basisPoints in [500, 1_000, 2_000, 3_500, 10_000] {
            let options = AnalyticsOptions(vip: .topShare(basisPoints: basisPoints))
            let vip = try AnalyticsEngine(table: engine.table, options: options).snapshot(asOf: snapshot.asOf).members(of: .vip)
            let below = ranks.filter { $0.value < Double(basisPoints) / 100 }.map(\.key)
            #expect(Set(vip) == Set(below), "top \(basisPoints) bp")
        }
    }

    @Test("value ranks: ties share the rank of the first of them; customers without a purchase have none")
    func ties() {
        let orders = [
            TestShop.order("o1", "a", "2025-01-02T10:00:00Z", 5_000), TestShop.order("o2", "b", "2025-01-03T10:00:00Z", 5_000),
            TestShop.order("o3", "c", "2025-01-04T10:00:00Z", 1_000), TestShop.order("o4", "d", "2025-01-05T10:00:00Z", 9_000),
        ]
        let snapshot = TestShop.engine(IngestBatch(customers: [Customer(externalID: "p")], orders: orders))
            .snapshot(asOf: TestShop.instant("2025-01-31T12:00:00Z"))
        #expect(snapshot.valueRankPercents() == ["d": 0, "a": 25, "b": 25, "c": 75])
    }

    @Test("probabilities alive: the BG/NBD fit the CLV report makes, for every buyer")
    func pAlive() throws {
        let snapshot = ReportCLVTests.snapshot
        let alive = try snapshot.probabilitiesAlive()
        #expect(alive.count == 23_570)
        let clv = try snapshot.reportCLV(options: ReportCLVOptions(topCustomers: 5))
        for customer in clv.topCustomers {
            let p = try #require(alive[customer.customer])
            #expect(abs(p - customer.probabilityAlive) < 1e-12)
        }
        #expect(alive.values.allSatisfy { $0 >= 0 && $0 <= 1 })
    }
}
