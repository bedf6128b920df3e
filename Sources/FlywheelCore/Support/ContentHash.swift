import Foundation

/// Records that know a stable hash of their content, so a store can tell a changed record from a repeat.
public protocol ContentHashable {
    var contentHash: Int64 { get }
}

extension StableHasher {
    mutating func combine(_ date: Date?) {
        guard let date else { return combine(Int64.min) }
        combine(Int64((date.timeIntervalSince1970 * 1000).rounded()))
    }
}

extension Order: ContentHashable {
    public var contentHash: Int64 {
        var h = StableHasher()
        h.combine(externalID)
        h.combine(customerExternalID)
        h.combine(placedAt)
        h.combine(channel)
        h.combine(source)
        h.combine(currency.code)
        h.combine(lineItems.count)
        for line in lineItems {
            h.combine(line.sku)
            h.combine(line.title)
            h.combine(line.quantity)
            h.combine(line.totalMinor)
            h.combine(line.category)
            h.combine(line.vendor)
        }
        h.combine(discounts.count)
        for discount in discounts {
            h.combine(discount.code)
            h.combine(discount.amountMinor)
        }
        h.combine(subtotalMinor)
        h.combine(shippingMinor)
        h.combine(taxMinor)
        h.combine(taxesIncluded)
        h.combine(totalMinor)
        h.combine(financialStatus.rawValue)
        h.combine(cancelledAt)
        return h.value
    }
}

extension Customer: ContentHashable {
    public var contentHash: Int64 {
        var h = StableHasher()
        h.combine(externalID)
        h.combine(email)
        h.combine(firstName)
        h.combine(lastName)
        h.combine(birthday?.description)
        h.combine(locale?.rawValue)
        h.combine(consent?.email.rawValue)
        h.combine(consent?.sms.rawValue)
        h.combine(consent?.updatedAt)
        h.combine(createdAt)
        return h.value
    }
}

extension Product: ContentHashable {
    public var contentHash: Int64 {
        var h = StableHasher()
        h.combine(sku)
        h.combine(title)
        h.combine(category)
        h.combine(vendor)
        h.combine(price?.minorUnits ?? Int64.min)
        h.combine(price?.currency.code)
        h.combine(reorderCycleDays ?? -1)
        return h.value
    }
}

extension Refund: ContentHashable {
    public var contentHash: Int64 {
        var h = StableHasher()
        h.combine(externalID)
        h.combine(orderExternalID)
        h.combine(createdAt)
        h.combine(amountMinor)
        h.combine(currency.code)
        h.combine(reason)
        return h.value
    }
}

extension Shipment: ContentHashable {
    public var contentHash: Int64 {
        var h = StableHasher()
        h.combine(externalID)
        h.combine(orderExternalID)
        h.combine(supplier)
        h.combine(carrier)
        h.combine(trackingNumber)
        h.combine(shippedAt)
        h.combine(promisedBy)
        h.combine(deliveredAt)
        return h.value
    }
}

extension ReturnRequest: ContentHashable {
    public var contentHash: Int64 {
        var h = StableHasher()
        h.combine(externalID)
        h.combine(orderExternalID)
        h.combine(requestedAt)
        h.combine(reason)
        h.combine(status.rawValue)
        h.combine(quantity)
        h.combine(sku)
        return h.value
    }
}

extension SurveyAnswer: ContentHashable {
    public var contentHash: Int64 {
        var h = StableHasher()
        h.combine(externalID)
        h.combine(customerExternalID)
        h.combine(orderExternalID)
        h.combine(question.rawValue)
        h.combine(score)
        h.combine(comment)
        h.combine(locale?.rawValue)
        h.combine(answeredAt)
        return h.value
    }
}

extension Review: ContentHashable {
    public var contentHash: Int64 {
        var h = StableHasher()
        h.combine(externalID)
        h.combine(customerExternalID)
        h.combine(orderExternalID)
        h.combine(sku)
        h.combine(rating)
        h.combine(title)
        h.combine(body)
        h.combine(locale?.rawValue)
        h.combine(hasPhoto)
        h.combine(createdAt)
        return h.value
    }
}
