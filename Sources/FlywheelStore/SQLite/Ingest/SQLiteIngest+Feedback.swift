import FlywheelCore

extension SQLiteIngest {
    /// Upserts a survey answer of a stored customer (and stored order, when it names one).
    mutating func upsertSurveyAnswer(_ answer: SurveyAnswer) throws {
        let record = "survey answer \(answer.externalID)"
        let (customerID, orderID) = try references(
            customer: answer.customerExternalID, order: answer.orderExternalID, record: record)
        let outcome = try surveyAnswers.upsert(key: answer.externalID, hash: answer.contentHash) {
            try answer.bindSQLiteColumns(to: $0, customerID: customerID, orderID: orderID)
        }
        counts.surveyAnswers.add(outcome)
    }

    /// Upserts a review of a stored customer (and stored order, when it names one).
    mutating func upsertReview(_ review: Review) throws {
        let record = "review \(review.externalID)"
        let (customerID, orderID) = try references(
            customer: review.customerExternalID, order: review.orderExternalID, record: record)
        let outcome = try reviews.upsert(key: review.externalID, hash: review.contentHash) {
            try review.bindSQLiteColumns(to: $0, customerID: customerID, orderID: orderID)
        }
        counts.reviews.add(outcome)
    }

    /// The row ids of the customer and order a feedback record names, or the refusal when one is not stored.
    private func references(customer: String, order: String?, record: String) throws -> (Int64, Int64?) {
        guard let customerID = lookUpCustomer(customer)?.id else { throw IngestError.unknownCustomer(record) }
        guard let order else { return (customerID, nil) }
        guard let orderID = orderID(externalID: order) else { throw IngestError.unknownOrder(record) }
        return (customerID, orderID)
    }
}
