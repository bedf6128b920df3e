extension Refund {
    /// Checks a refund's rules: ids, a positive amount. Whether it exceeds the order is the store's check,
    /// which knows the order.
    public func validate() throws(ValidationError) {
        var rules = Rules()
        rules.externalID(externalID, "refund_id")
        rules.externalID(orderExternalID, "order_id")
        rules.require(amountMinor > 0, "amount", "must be greater than zero")
        rules.text(reason, "reason")
        try rules.check(record: "refund \(externalID)")
    }
}
