import FlywheelCore
import Testing

@testable import FlywheelSimulation

@Suite("Feedback texts")
struct FeedbackTextTests {
    @Test("German customers write German reviews, English customers English ones")
    func reviewsInTheCustomersLanguage() {
        let reviews = SimulationFixtures.batches.flatMap(\.reviews)
        let german = Set(Self.allReviewBodies(german: true))
        let english = Set(Self.allReviewBodies(german: false))
        #expect(reviews.contains { $0.locale == .de })
        #expect(reviews.contains { $0.locale == .en })
        for review in reviews {
            let body = review.body ?? ""
            #expect(review.locale == .de ? german.contains(body) : english.contains(body))
        }
        #expect(
            reviews.contains {
                ($0.body ?? "").contains("ä") || ($0.body ?? "").contains("ü") || ($0.body ?? "").contains("ö")
            })
    }

    @Test("survey comments come in both languages")
    func surveyComments() {
        let comments = SimulationFixtures.batches.flatMap(\.surveyAnswers).filter { $0.comment != nil }
        #expect(comments.contains { $0.locale == .de })
        #expect(comments.contains { $0.locale == .en })
        for answer in comments {
            let german = answer.locale == .de
            let all =
                (0...10).flatMap { SurveyTexts.comments(score: $0, german: german, late: false) }
                + SurveyTexts.comments(score: 0, german: german, late: true)
            #expect(all.contains(answer.comment!))
        }
    }

    @Test("customers are about 70 % German-speaking, with names from their language's list")
    func customerLocales() {
        let customers = SimulationFixtures.batches.flatMap(\.customers)
        let germanShare = Double(customers.filter { $0.locale == .de }.count) / Double(customers.count)
        #expect(abs(germanShare - 0.7) < 0.07)
        for customer in customers {
            let names = customer.locale == .de ? PersonNames.germanFirst : PersonNames.englishFirst
            #expect(names.contains(customer.firstName ?? ""))
            #expect(customer.email?.hasSuffix("@example.com") == true)
        }
    }

    static func allReviewBodies(german: Bool) -> [String] {
        var bodies: [String] = []
        for stars in 1...5 {
            for tasted in [true, false] {
                for late in [true, false] {
                    bodies += ReviewTexts.choices(stars: stars, german: german, tasted: tasted, late: late).map(\.body)
                }
            }
        }
        return bodies
    }
}
