extension SurveyAnswer {
    /// Checks an answer: ids, and a score on the question's scale.
    public func validate() throws(ValidationError) {
        var rules = Rules()
        rules.externalID(externalID, "answer_id")
        rules.externalID(customerExternalID, "customer_id")
        if let orderExternalID { rules.externalID(orderExternalID, "order_id") }
        rules.require(question.scale.contains(score), "score",
            "must be \(question.scale.lowerBound) to \(question.scale.upperBound) for \(question.rawValue)")
        rules.text(comment, "comment", maxBytes: 10_000)
        try rules.check(record: "survey answer \(externalID)")
    }
}

extension Review {
    /// Checks a review: ids, a SKU, and 1 to 5 stars.
    public func validate() throws(ValidationError) {
        var rules = Rules()
        rules.externalID(externalID, "review_id")
        rules.externalID(customerExternalID, "customer_id")
        rules.externalID(sku, "sku")
        rules.require((1...5).contains(rating), "rating", "must be 1 to 5")
        rules.text(title, "title", maxBytes: 500)
        rules.text(body, "body", maxBytes: 20_000)
        try rules.check(record: "review \(externalID)")
    }
}
