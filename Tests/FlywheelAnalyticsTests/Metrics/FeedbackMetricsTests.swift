import FlywheelAnalytics
import FlywheelCore
import Foundation
import Testing

@Suite("NPS, CSAT, the loyalty index and reviews")
struct FeedbackMetricsTests {
    let snapshot = TestShop.engine(HandShop.batch).snapshot(asOf: TestShop.instant("2025-06-30T12:00:00Z"))

    @Test("NPS counts each customer's latest answer: A's 6 replaces her 9")
    func nps() throws {
        let february = try snapshot.metrics(for: TestShop.month("2025-02")).feedback
        let nps = try #require(february.nps)
        #expect(nps.respondents == 3 && nps.promoters == 1 && nps.passives == 1 && nps.detractors == 1)
        #expect(nps.score == 0)
    }

    @Test("CSAT is the share of 4–5 among every answer")
    func csat() throws {
        let csat = try #require(try snapshot.metrics(for: TestShop.month("2025-02")).feedback.csat)
        #expect(csat.responses == 4 && csat.satisfied == 2 && csat.score == 50)
    }

    @Test("the loyalty index is the mean of three NPS-style scores")
    func loyaltyIndex() throws {
        let index = try snapshot.metrics(for: TestShop.month("2025-02")).feedback.loyaltyIndex
        #expect(index.recommend?.score == 0 && index.buyAgain?.score == 50 && index.tryOtherProducts?.score == -100)
        let value = try #require(index.index)
        #expect(abs(value - (-50.0 / 3)) < 1e-9)
        let march = try snapshot.metrics(for: TestShop.month("2025-03")).feedback.loyaltyIndex
        #expect(march.index == nil && march.recommend == nil)
    }

    @Test("reviews per period")
    func reviews() throws {
        let report = try snapshot.metrics(from: TestShop.month("2025-02"), through: TestShop.month("2025-03"))
        #expect(report.periods[0].feedback.reviews == ReviewFigures(reviews: 1, reviewers: 1, averageRating: 5))
        #expect(report.periods[1].feedback.reviews == ReviewFigures(reviews: 1, reviewers: 1, averageRating: 3))
        #expect(report.allTime.feedback.reviews == ReviewFigures(reviews: 2, reviewers: 2, averageRating: 4))
    }

    @Test("answers after the snapshot's instant do not count")
    func asOf() throws {
        let early = TestShop.engine(HandShop.batch).snapshot(asOf: TestShop.instant("2025-02-18T00:00:00Z"))
        let nps = try #require(try early.metrics(for: TestShop.month("2025-02")).feedback.nps)
        #expect(nps.respondents == 3 && nps.promoters == 2 && nps.detractors == 0)
    }
}
