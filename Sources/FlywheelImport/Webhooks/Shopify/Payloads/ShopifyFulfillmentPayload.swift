/// The body of `fulfillments/create` and `fulfillments/update`: a parcel of an order.
struct ShopifyFulfillmentPayload: Decodable, Hashable, Sendable {
    let id: ShopifyID
    let orderID: ShopifyID
    /// `pending`, `open`, `success`, `cancelled`, `error` or `failure`.
    let status: String?
    let createdAt: String
    let updatedAt: String?
    let trackingCompany: String?
    let trackingNumber: String?
    let trackingNumbers: [String]?
    /// The carrier's latest event: `in_transit`, `out_for_delivery`, `delivered`, `failure`, … or `null`.
    let shipmentStatus: String?
    /// Not part of Shopify's REST payload today; read when present (e.g. added by a shipping app).
    let estimatedDeliveryAt: String?
    let lineItems: [ShopifyFulfillmentLineItemPayload]?

    private enum CodingKeys: String, CodingKey {
        case id, status
        case orderID = "order_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case trackingCompany = "tracking_company"
        case trackingNumber = "tracking_number"
        case trackingNumbers = "tracking_numbers"
        case shipmentStatus = "shipment_status"
        case estimatedDeliveryAt = "estimated_delivery_at"
        case lineItems = "line_items"
    }
}
