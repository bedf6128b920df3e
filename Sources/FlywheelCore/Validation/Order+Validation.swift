public import Foundation

extension Order {
    /// Checks every rule of an order; `now` bounds how far in the future `placedAt` may be (one day of clock skew).
    public func validate(now: Date) throws(ValidationError) {
        var rules = Rules()
        rules.externalID(externalID, "order_id")
        if let customerExternalID { rules.externalID(customerExternalID, "customer_id") }
        rules.require(placedAt.timeIntervalSince1970 >= 631_152_000, "placed_at", "is before 1990")
        rules.require(placedAt <= now.addingTimeInterval(86_400), "placed_at", "is in the future")
        rules.text(channel, "channel", maxBytes: 100)
        rules.text(source, "source", maxBytes: 255)
        rules.nonNegative(subtotalMinor, "subtotal")
        rules.nonNegative(shippingMinor, "shipping")
        rules.nonNegative(taxMinor, "tax")
        rules.nonNegative(totalMinor, "total")
        for (index, line) in lineItems.enumerated() {
            rules.require(line.quantity >= 1, "line_items[\(index)].quantity", "must be at least 1")
            rules.require(line.quantity <= 100_000, "line_items[\(index)].quantity", "is more than 100000")
            rules.nonNegative(line.totalMinor, "line_items[\(index)].price")
            rules.text(line.sku, "line_items[\(index)].sku", maxBytes: 255)
            rules.text(line.title, "line_items[\(index)].title")
        }
        for (index, discount) in discounts.enumerated() {
            rules.require(!discount.code.isEmpty, "discounts[\(index)].code", "is empty")
            rules.text(discount.code, "discounts[\(index)].code", maxBytes: 255)
            rules.nonNegative(discount.amountMinor, "discounts[\(index)].amount")
        }
        let expectedTotal = subtotalMinor + shippingMinor + (taxesIncluded ? 0 : taxMinor)
        rules.require(
            totalMinor == expectedTotal, "total",
            taxesIncluded
                ? "does not equal subtotal + shipping (taxes included in prices)"
                : "does not equal subtotal + shipping + tax")
        if !lineItems.isEmpty && subtotalMinor >= 0 {
            let lines = lineItems.reduce(Int64(0)) { $0 + $1.totalMinor }
            rules.require(lines - discountMinor == subtotalMinor, "subtotal", "does not equal the line items less discounts")
        }
        if let cancelledAt { rules.require(cancelledAt >= placedAt, "cancelled_at", "is before placed_at") }
        try rules.check(record: "order \(externalID)")
    }
}
