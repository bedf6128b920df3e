import FlywheelAnalytics
import FlywheelCore
import Foundation
import Testing

@Suite("Funnel: first-time → repeat → loyal → advocate")
struct FunnelTests {
    /// Five buyers: one-timer E; repeat F (2 days); loyal G (3 days, promoter), H (3 days, reviewer),
    /// I (4 days, neither); plus the hand shop's A, B, D.
    private var engine: AnalyticsEngine {
        var batch = HandShop.batch
        let days: [(String, Int)] = [("E", 1), ("F", 2), ("G", 3), ("H", 3), ("I", 4)]
        for (customer, count) in days {
            for n in 0..<count {
                batch.orders.append(TestShop.order("\(customer)\(n)", customer, "2025-04-0\(n + 1)T10:00:00Z", 1_000))
            }
        }
        batch.surveyAnswers.append(TestShop.answer("g", "G", .nps, 9, "2025-04-05T10:00:00Z"))
        batch.reviews.append(TestShop.review("h", "H", sku: "X", rating: 4, "2025-04-05T10:00:00Z"))
        return TestShop.engine(batch)
    }

    @Test("counts and conversions between stages")
    func stages() throws {
        let funnel = try engine.snapshot(asOf: TestShop.instant("2025-04-30T12:00:00Z")).funnel()
        #expect(funnel.stages.map(\.stage) == [.firstTime, .repeat, .loyal, .advocate])
        // Buyers: A, B, D, E, F, G, H, I; repeat: A, F, G, H, I; loyal: G, H, I; advocates: G, H.
        #expect(funnel.stages.map(\.customers) == [8, 5, 3, 2])
        #expect(funnel.stages[0].conversionFromPrevious == nil)
        #expect(funnel.stages[1].conversionFromPrevious == 5.0 / 8 && funnel.stages[3].conversionFromPrevious == 2.0 / 3)
        #expect(funnel.stages[3].shareOfFirstTime == 2.0 / 8)
        // Promoters: B (10) and G; A's latest is 6. Reviewers: A, B, H.
        #expect(funnel.promoters == 2 && funnel.reviewers == 3 && funnel.referrers == nil)
    }

    @Test("acquired in a period, a configurable loyal threshold, and referrers when given")
    func options() throws {
        let april = try engine.snapshot(asOf: TestShop.instant("2025-04-30T12:00:00Z"))
            .funnel(acquiredIn: TestShop.month("2025-04"), referrers: ["I", "nobody"])
        #expect(april.stages.map(\.customers) == [5, 4, 3, 3])
        #expect(april.referrers == 1)
        var strict = TestShop.engine(HandShop.batch, options: AnalyticsOptions(loyalPurchases: 2))
        strict.rebuild()
        let funnel = try strict.snapshot(asOf: TestShop.instant("2025-04-30T12:00:00Z")).funnel()
        #expect(funnel.loyalPurchases == 2 && funnel.stages.map(\.customers) == [3, 1, 1, 1])
    }
}
