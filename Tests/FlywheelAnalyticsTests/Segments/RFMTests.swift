import FlywheelAnalytics
import FlywheelCore
import Foundation
import Testing

@Suite("RFM: quintile scores and named segments")
struct RFMTests {
    /// Ten buyers c1…c10: c1 bought last (on 20 January), c10 longest ago; occasions 1,1,1,1,2,2,3,4,5,6;
    /// spend 100.00 × the customer's number.
    static var engine: AnalyticsEngine {
        let frequencies = [1, 1, 1, 1, 2, 2, 3, 4, 5, 6]
        var orders: [Order] = []
        for k in 1...10 {
            let last = CivilDate(year: 2025, month: 1, day: 21 - k)!
            let f = frequencies[k - 1]
            let total = Int64(k) * 10_000
            for n in 0..<f {
                let day = last.adding(days: -7 * n)
                let amount = n == 0 ? total - total / Int64(f) * Int64(f - 1) : total / Int64(f)
                orders.append(TestShop.order("c\(k)-\(n)", "c\(k)", "\(day)T10:00:00Z", amount))
            }
        }
        return TestShop.engine(IngestBatch(orders: orders))
    }

    let snapshot = RFMTests.engine.snapshot(asOf: TestShop.instant("2025-01-31T12:00:00Z"))

    @Test("scores count the buyers with a worse value: 1 + ⌊5·L/N⌋, ties share a score")
    func scores() throws {
        let expected: [(r: Int, f: Int, m: Int)] = [
            (5, 1, 1), (5, 1, 1), (4, 1, 2), (4, 1, 2), (3, 3, 3), (3, 3, 3), (2, 4, 4), (2, 4, 4), (1, 5, 5), (1, 5, 5),
        ]
        for (k, score) in expected.enumerated() {
            let profile = try #require(snapshot.profile(customerExternalID: "c\(k + 1)"))
            #expect(profile.rfm == RFMScore(recency: score.r, frequency: score.f, monetary: score.m), "c\(k + 1)")
        }
    }

    @Test("named segments from R and FM = ⌈(F + M) / 2⌉")
    func named() throws {
        let expected: [RFMSegment] = [
            .new, .new, .potentialLoyalist, .potentialLoyalist, .needAttention, .needAttention, .atRisk, .atRisk,
            .cantLose, .cantLose,
        ]
        for (k, segment) in expected.enumerated() {
            #expect(snapshot.profile(customerExternalID: "c\(k + 1)")?.rfmSegment == segment, "c\(k + 1)")
        }
        let report = snapshot.segments()
        #expect(report.rfm.map(\.segment) == RFMSegment.allCases.map(\.rawValue))
        #expect(report.rfm.first { $0.segment == "at_risk" }?.customers == 2)
        #expect(report.rfm.first { $0.segment == "at_risk" }?.share == 0.2)
    }

    @Test("the grid's corners and the standard cells")
    func grid() {
        #expect(RFMScore(recency: 5, frequency: 5, monetary: 5).segment == .champions)
        #expect(RFMScore(recency: 4, frequency: 4, monetary: 5).segment == .loyal)
        #expect(RFMScore(recency: 3, frequency: 5, monetary: 4).segment == .loyal)
        #expect(RFMScore(recency: 5, frequency: 2, monetary: 3).segment == .potentialLoyalist)
        #expect(RFMScore(recency: 4, frequency: 1, monetary: 1).segment == .promising)
        #expect(RFMScore(recency: 3, frequency: 2, monetary: 1).segment == .aboutToSleep)
        #expect(RFMScore(recency: 2, frequency: 5, monetary: 5).segment == .cantLose)
        #expect(RFMScore(recency: 1, frequency: 1, monetary: 2).segment == .hibernating)
        #expect(RFMScore(recency: 1, frequency: 1, monetary: 1).segment == .lost)
        #expect(RFMScore(recency: 2, frequency: 3, monetary: 3).segment == .atRisk)
        #expect(RFMSegment.cantLose.description == "Can't Lose")
    }

    @Test("VIP: the top 10 % by spend, top 20 %, or thresholds")
    func vip() throws {
        #expect(try snapshot.members(of: .vip) == ["c10"])
        var table = RFMTests.engine.table
        table.add(IngestBatch())
        let top20 = AnalyticsEngine(table: table, options: AnalyticsOptions(vip: .topShare(basisPoints: 2_000)))
        #expect(try top20.snapshot(asOf: snapshot.asOf).members(of: .vip) == ["c9", "c10"])
        let thresholds = AnalyticsEngine(
            table: table, options: AnalyticsOptions(vip: .thresholds(minimumSpendMinor: 50_000, minimumPurchases: 3)))
        #expect(try thresholds.snapshot(asOf: snapshot.asOf).members(of: .vip) == ["c7", "c8", "c9", "c10"])
        #expect(snapshot.segments().vip.customers == 1)
    }

    @Test("metrics for an RFM segment")
    func segmentMetrics() throws {
        let january = try snapshot.metrics(for: TestShop.month("2025-01"), segment: .rfm(.new))
        #expect(january.customers == 2 && january.netRevenueMinor == 30_000)
    }
}
