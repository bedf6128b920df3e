import Foundation
import FlywheelCore

extension ShopifyWebhookMapper {
    /// `fulfillments/create` and `fulfillments/update`: one `Shipment` keyed by Shopify's fulfillment id.
    /// Shipped when created; delivered at `updated_at` once the carrier reports `delivered`. Cancelled or
    /// failed fulfillments are ignored.
    func mapFulfillment(_ payload: ShopifyFulfillmentPayload, _ context: Context) throws(ShopifyWebhookError)
        -> ShopifyWebhookOutcome
    {
        let read = context.read
        let fulfillmentID = try read.id(payload.id, "id")
        let orderID = try read.id(payload.orderID, "order_id")
        if let status = payload.status?.lowercased(), ["cancelled", "error", "failure"].contains(status) {
            return .ignore(
                reason: "fulfillment \(fulfillmentID) of order \(orderID) has status \(status); cancelled or failed "
                    + "fulfillments are not stored (a stored shipment cannot be withdrawn yet)")
        }
        var deliveredAt: Date?
        if payload.shipmentStatus?.lowercased() == "delivered" {
            guard let updatedAt = ShopifyFieldReader.nonEmpty(payload.updatedAt) else {
                throw read.invalid("updated_at", "is missing, but shipment_status says the parcel was delivered")
            }
            deliveredAt = try read.instant(updatedAt, "updated_at")
        }
        let trackingNumber =
            ShopifyFieldReader.nonEmpty(payload.trackingNumber)
            ?? payload.trackingNumbers?.lazy.compactMap { ShopifyFieldReader.nonEmpty($0) }.first
        let shipment = Shipment(
            externalID: fulfillmentID, orderExternalID: orderID,
            supplier: ShopifyFieldReader.nonEmpty(payload.lineItems?.first?.vendor),
            carrier: ShopifyFieldReader.nonEmpty(payload.trackingCompany), trackingNumber: trackingNumber,
            shippedAt: try read.instant(payload.createdAt, "created_at"),
            promisedBy: try read.optionalInstant(payload.estimatedDeliveryAt, "estimated_delivery_at"),
            deliveredAt: deliveredAt)
        let paths = [
            "shipment_id": "id", "order_id": "order_id", "supplier": "line_items[0].vendor",
            "carrier": "tracking_company",
            "tracking_number": payload.trackingNumber == nil ? "tracking_numbers" : "tracking_number",
            "delivered_at": "updated_at",
        ]
        try context.check.run({ () throws(ValidationError) in try shipment.validate() }, path: { paths[$0] ?? $0 })
        return .store(IngestBatch(shipments: [shipment]), notStored: nil)
    }
}
