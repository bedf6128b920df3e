public import Foundation

extension Checkout {
    /// Checks a checkout: ids, a customer id or an e-mail address (a guest), times in order and not in the
    /// future (`now` plus a day of clock skew), amounts not negative, lines with a quantity, and a recovery
    /// link that is an absolute http(s) URL.
    public func validate(now: Date) throws(ValidationError) {
        var rules = Rules()
        rules.externalID(externalID, "checkout_id")
        if let customerExternalID { rules.externalID(customerExternalID, "customer_id") }
        if let email {
            rules.require(Rules.isPlausibleEmail(email), "email", "is not an e-mail address")
        }
        rules.require(
            customerExternalID != nil || email != nil, "customer_id",
            "is missing: a checkout names its customer or, for a guest, an email")
        rules.require(createdAt.timeIntervalSince1970 >= 631_152_000, "created_at", "is before 1990")
        rules.require(updatedAt >= createdAt, "updated_at", "is before created_at")
        rules.require(updatedAt <= now.addingTimeInterval(86_400), "updated_at", "is in the future")
        rules.nonNegative(totalMinor, "total")
        for (index, line) in lines.enumerated() {
            rules.require(line.quantity >= 1, "line_items[\(index)].quantity", "must be at least 1")
            rules.require(line.quantity <= 100_000, "line_items[\(index)].quantity", "is more than 100000")
            rules.nonNegative(line.unitPriceMinor, "line_items[\(index)].unit_price")
            rules.text(line.sku, "line_items[\(index)].sku", maxBytes: 255)
            rules.text(line.title, "line_items[\(index)].title")
        }
        rules.require(lines.count <= 500, "line_items", "has more than 500 lines")
        if let recoveryURL {
            rules.require(recoveryURL.utf8.count <= 2_000, "recovery_url", "is longer than 2000 bytes")
            rules.require(Self.isWebLink(recoveryURL), "recovery_url", "must be an absolute http or https URL")
        }
        if let completedAt { rules.require(completedAt >= createdAt, "completed_at", "is before created_at") }
        if let orderExternalID { rules.externalID(orderExternalID, "order_id") }
        try rules.check(record: "checkout \(externalID)")
    }

    /// An absolute `http(s)` URL with a host and no white space.
    static func isWebLink(_ text: String) -> Bool {
        guard !text.contains(where: \.isWhitespace), let url = URL(string: text),
            let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
            let host = url.host, !host.isEmpty
        else { return false }
        return true
    }
}
