extension Product {
    /// Checks a product's rules: a SKU, a title, a non-negative price, a positive reorder cycle.
    public func validate() throws(ValidationError) {
        var rules = Rules()
        rules.externalID(sku, "sku")
        rules.require(!title.isEmpty, "title", "is empty")
        rules.text(title, "title")
        rules.text(category, "category", maxBytes: 255)
        rules.text(vendor, "vendor", maxBytes: 255)
        if let price { rules.nonNegative(price.minorUnits, "price") }
        if let days = reorderCycleDays { rules.require((1...3650).contains(days), "reorder_cycle_days", "must be 1 to 3650") }
        try rules.check(record: "product \(sku)")
    }
}
