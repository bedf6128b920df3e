extension MarketingSpend {
    /// Checks a spend record's rules: a channel name and a non-negative amount.
    public func validate() throws(ValidationError) {
        var rules = Rules()
        rules.require(!channel.isEmpty, "channel", "is empty")
        rules.text(channel, "channel", maxBytes: 100)
        rules.nonNegative(amount.minorUnits, "amount")
        try rules.check(record: "marketing spend \(channel) \(month)")
    }
}
