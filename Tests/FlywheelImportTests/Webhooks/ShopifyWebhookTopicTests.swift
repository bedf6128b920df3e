import Testing
@testable import FlywheelImport

@Suite("Shopify webhook topics")
struct ShopifyWebhookTopicTests {
    @Test("the ten topics Flywheel maps, by their X-Shopify-Topic header")
    func knownTopics() {
        let headers = [
            "orders/create", "orders/updated", "orders/cancelled", "refunds/create", "fulfillments/create",
            "fulfillments/update", "customers/create", "customers/update", "checkouts/create", "checkouts/update",
        ]
        #expect(headers.compactMap(ShopifyWebhookTopic.init(rawValue:)).map(\.rawValue) == headers)
        #expect(ShopifyWebhookTopic.allCases.count == headers.count)
    }

    @Test(
        "any other topic is not Flywheel's",
        arguments: ["orders/delete", "orders/paid", "app/uninstalled", "ORDERS/CREATE", "orders/create ", ""])
    func unknownTopics(header: String) {
        #expect(ShopifyWebhookTopic(rawValue: header) == nil)
    }
}
