/// One of a fulfillment's `line_items`; only the vendor is read (the shipment's supplier).
struct ShopifyFulfillmentLineItemPayload: Decodable, Hashable, Sendable {
    let vendor: String?
}
