extension Shipment {
    /// Checks a shipment's rules: ids, and delivery not before shipping. A parcel handed over after its
    /// promised time is allowed: that is exactly what delivery-promise tracking must record.
    public func validate() throws(ValidationError) {
        var rules = Rules()
        rules.externalID(externalID, "shipment_id")
        rules.externalID(orderExternalID, "order_id")
        rules.text(supplier, "supplier", maxBytes: 255)
        rules.text(carrier, "carrier", maxBytes: 255)
        rules.text(trackingNumber, "tracking_number", maxBytes: 255)
        if let shippedAt, let deliveredAt { rules.require(deliveredAt >= shippedAt, "delivered_at", "is before shipped_at") }
        try rules.check(record: "shipment \(externalID)")
    }
}
