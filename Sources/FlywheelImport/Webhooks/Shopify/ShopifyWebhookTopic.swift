/// The Shopify webhook topics Flywheel maps (the `X-Shopify-Topic` header). Any other topic is not
/// Flywheel's: `ShopifyWebhookTopic(rawValue:)` is `nil`, and the server acknowledges and ignores it.
public enum ShopifyWebhookTopic: String, CaseIterable, Hashable, Sendable {
    case ordersCreate = "orders/create"
    case ordersUpdated = "orders/updated"
    case ordersCancelled = "orders/cancelled"
    case refundsCreate = "refunds/create"
    case fulfillmentsCreate = "fulfillments/create"
    case fulfillmentsUpdate = "fulfillments/update"
    case customersCreate = "customers/create"
    case customersUpdate = "customers/update"
    case checkoutsCreate = "checkouts/create"
    case checkoutsUpdate = "checkouts/update"
}
