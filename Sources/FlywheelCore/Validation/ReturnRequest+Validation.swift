extension ReturnRequest {
    /// Checks a return's rules: ids and a positive quantity.
    public func validate() throws(ValidationError) {
        var rules = Rules()
        rules.externalID(externalID, "return_id")
        rules.externalID(orderExternalID, "order_id")
        rules.require(quantity >= 1, "quantity", "must be at least 1")
        rules.text(reason, "reason")
        try rules.check(record: "return \(externalID)")
    }
}
