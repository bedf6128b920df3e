import FlywheelCore

extension PostgresIngest {
    /// Upserts a survey answer of a known customer (and known order, when it names one).
    mutating func upsertSurveyAnswer(_ answer: SurveyAnswer) throws {
        try checkReferences(
            customer: answer.customerExternalID, order: answer.orderExternalID,
            record: "survey answer \(answer.externalID)")
        counts.surveyAnswers.tally(surveyAnswers.upsert(answer, key: answer.externalID, version: answer.contentHash))
    }

    /// Upserts a review of a known customer (and known order, when it names one).
    mutating func upsertReview(_ review: Review) throws {
        try checkReferences(
            customer: review.customerExternalID, order: review.orderExternalID, record: "review \(review.externalID)")
        counts.reviews.tally(reviews.upsert(review, key: review.externalID, version: review.contentHash))
    }

    /// Refuses a feedback record whose customer, or order when it names one, is neither stored nor in the batch.
    private func checkReferences(customer: String, order: String?, record: String) throws {
        guard customers[customer] != nil else { throw IngestError.unknownCustomer(record) }
        if let order, !orderExists(order) { throw IngestError.unknownOrder(record) }
    }
}
