public import Foundation

/// A webhook delivery that was processed, kept to recognise the sender's retries
/// (Shopify's `X-Shopify-Webhook-Id`).
public struct WebhookReceipt: Hashable, Sendable {
    /// The delivery's id, prefixed by its source (e.g. `shopify:b54557e4-…`).
    public var id: String
    /// The topic (e.g. `orders/create`).
    public var topic: String
    /// When it was processed.
    public var receivedAt: Date
    /// What came of it, in a few words (e.g. `stored`, `ignored: test order`).
    public var outcome: String

    /// Makes a receipt.
    public init(id: String, topic: String, receivedAt: Date, outcome: String) {
        self.id = id
        self.topic = topic
        self.receivedAt = receivedAt
        self.outcome = outcome
    }
}
