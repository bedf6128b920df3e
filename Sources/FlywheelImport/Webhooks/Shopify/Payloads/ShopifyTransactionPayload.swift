/// One of a refund's `transactions`: money that moved (or failed to) through a payment gateway.
struct ShopifyTransactionPayload: Decodable, Hashable, Sendable {
    /// `refund` for money given back (also `sale`, `capture`, `void`, … in other contexts).
    let kind: String
    /// `success`, `pending`, `failure` or `error`.
    let status: String
    let amount: String
    /// The currency the money moved in; `null` in some payloads (then the refund's shop currency applies).
    let currency: String?
    /// True for Shopify's test gateways (`bogus`).
    let test: Bool?
}
