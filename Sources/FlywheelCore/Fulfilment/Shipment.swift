public import Foundation

/// A parcel on its way: who ships it, how to track it, and what was promised against what happened.
public struct Shipment: Hashable, Sendable {
    public var externalID: String
    public var orderExternalID: String
    /// The supplier that ships it (dropshipping) or the shop's own warehouse.
    public var supplier: String?
    public var carrier: String?
    public var trackingNumber: String?
    public var shippedAt: Date?
    /// The latest delivery time the customer was promised.
    public var promisedBy: Date?
    public var deliveredAt: Date?

    public init(
        externalID: String, orderExternalID: String, supplier: String? = nil, carrier: String? = nil,
        trackingNumber: String? = nil, shippedAt: Date? = nil, promisedBy: Date? = nil, deliveredAt: Date? = nil
    ) {
        self.externalID = externalID
        self.orderExternalID = orderExternalID
        self.supplier = supplier
        self.carrier = carrier
        self.trackingNumber = trackingNumber
        self.shippedAt = shippedAt
        self.promisedBy = promisedBy
        self.deliveredAt = deliveredAt
    }

    /// Delivered after the promise (or still undelivered past it at `now`).
    public func isLate(now: Date) -> Bool {
        guard let promisedBy else { return false }
        return (deliveredAt ?? now) > promisedBy
    }
}
