import FlywheelCore

extension SimulationModel {
    /// How a customer's scores sit: each customer's mood is normal with this mean and deviation (0–10 scale).
    static let moodMean = 8.5
    static let moodDeviation = 1.2
    /// Points a late delivery and a problem (damaged, defective, wrong, lost) take off a score.
    static let latePenalty = 2.8
    static let problemPenalty = 3.0

    /// NPS (with, for half of the respondents, the loyalty index's two other questions), CSAT and a product
    /// review for a delivered order, each with its documented probability, at plausible times after delivery.
    func collectFeedback(
        _ order: OrderRecord, of history: CustomerHistory, orderID: String, outcome: OrderOutcome, mood: Double,
        random: inout RandomSource, into batch: inout IngestBatch
    ) {
        guard outcome.isDelivered else { return }
        let customerID = SimulationModel.customerID(history.index)
        let locale: ShopLocale = history.german ? .de : .en
        let penalty =
            (outcome.late ? SimulationModel.latePenalty : 0) + (outcome.problem ? SimulationModel.problemPenalty : 0)
        let delivered = outcome.deliveredAt

        func answer(_ question: SurveyQuestion, _ score: Int, _ comment: String?, at time: Int64, _ suffix: String) {
            guard time <= endUTC else { return }
            batch.surveyAnswers.append(
                SurveyAnswer(
                    externalID: orderID + "-" + suffix, customerExternalID: customerID, orderExternalID: orderID,
                    question: question, score: score, comment: comment, locale: locale, answeredAt: date(time)))
        }

        if random.chance(truth.npsResponseProbability) {
            let time = delivered + Int64(2 * 86_400 + random.below(5 * 86_400))
            let score = SimulationModel.clamp(mood + 1.1 * random.normal() - penalty, 0...10)
            var comment: String?
            if random.chance(0.3) {
                let choices = SurveyTexts.comments(score: score, german: history.german, late: outcome.late)
                comment = choices[random.below(choices.count)]
            }
            answer(.nps, score, comment, at: time, "NPS")
            if random.chance(0.5) {
                let buyAgain = SimulationModel.clamp(Double(score) + random.normal(), 0...10)
                let tryOther = SimulationModel.clamp(Double(score) - 1 + 1.5 * random.normal(), 0...10)
                answer(.wouldBuyAgain, buyAgain, nil, at: time, "BUY")
                answer(.wouldTryOtherProducts, tryOther, nil, at: time, "TRY")
            }
        }
        if random.chance(truth.csatResponseProbability) {
            let time = delivered + Int64(86_400 + random.below(2 * 86_400))
            let score = SimulationModel.clamp((mood + random.normal() - penalty) / 2, 1...5)
            answer(.csat, score, nil, at: time, "CSAT")
        }
        if random.chance(truth.reviewProbability) {
            let line = history.lines[Int(order.lineStart) + random.below(Int(order.lineCount))]
            let item = catalogue.items[Int(line.product)]
            let time = delivered + Int64(5 * 86_400 + random.below(16 * 86_400))
            let value = mood + 1.3 * random.normal() - 0.9 * penalty
            let stars = value >= 8 ? 5 : value >= 6.5 ? 4 : value >= 5 ? 3 : value >= 3.5 ? 2 : 1
            let choices = ReviewTexts.choices(
                stars: stars, german: history.german, tasted: item.category.isTasted, late: outcome.late)
            let text = choices[random.below(choices.count)]
            let photo = random.chance(stars >= 4 ? 0.2 : 0.1)
            if time <= endUTC {
                batch.reviews.append(
                    Review(
                        externalID: orderID + "-RV", customerExternalID: customerID, orderExternalID: orderID,
                        sku: item.sku, rating: stars, title: text.title, body: text.body, locale: locale,
                        hasPhoto: photo, createdAt: date(time)))
            }
        }
    }

    /// A score rounded to the nearest integer within `range`.
    static func clamp(_ value: Double, _ range: ClosedRange<Int>) -> Int {
        min(max(Int(value.rounded()), range.lowerBound), range.upperBound)
    }
}
