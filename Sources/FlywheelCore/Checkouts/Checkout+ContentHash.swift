extension Checkout: ContentHashable {
    public var contentHash: Int64 {
        var h = StableHasher()
        h.combine(externalID)
        h.combine(customerExternalID)
        h.combine(email)
        h.combine(createdAt)
        h.combine(updatedAt)
        h.combine(currency.code)
        h.combine(totalMinor)
        h.combine(lines.count)
        for line in lines {
            h.combine(line.sku)
            h.combine(line.title)
            h.combine(line.quantity)
            h.combine(line.unitPriceMinor)
        }
        h.combine(recoveryURL)
        h.combine(completedAt)
        h.combine(orderExternalID)
        return h.value
    }
}
