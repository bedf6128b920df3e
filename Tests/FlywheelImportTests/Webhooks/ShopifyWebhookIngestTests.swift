import Foundation
import Testing
import FlywheelCore
@testable import FlywheelImport

@Suite("Shopify webhooks into a store")
struct ShopifyWebhookIngestTests {
    typealias Fixtures = ShopifyWebhookFixtures

    @Test(
        "an order's life: created, refunded in part, shipped, delivered, updated; a repeated delivery changes nothing")
    func orderLife() async throws {
        let store = InMemoryStore()
        let deliveries: [(ShopifyWebhookTopic, String)] = [
            (.ordersCreate, "orders_create"), (.refundsCreate, "refunds_create"),
            (.fulfillmentsCreate, "fulfillments_create"),
            (.fulfillmentsUpdate, "fulfillments_update"), (.ordersUpdated, "orders_updated"),
        ]
        var counts: [IngestCounts] = []
        for (topic, name) in deliveries {
            let batch = try Fixtures.batch(topic, name)
            counts.append(try await store.ingest(batch))
            // Shopify delivers at least once: the same delivery again changes nothing.
            let again = try await store.ingest(batch)
            #expect(again.orders.created + again.orders.updated + again.refunds.created + again.refunds.updated == 0)
            #expect(
                again.shipments.created + again.shipments.updated + again.customers.updated + again.products.updated
                    == 0)
        }
        #expect(counts[0].orders.created == 1 && counts[0].customers.created == 1 && counts[0].products.created == 3)
        #expect(counts[1].refunds.created == 1)
        #expect(counts[2].shipments.created == 1)
        #expect(counts[3].shipments.updated == 1)
        #expect(counts[4].orders.updated == 1)

        let order = try #require(try await store.order(externalID: "820982911946154508"))
        #expect(order.financialStatus == .partiallyRefunded)
        #expect(try await store.refunds(orderExternalID: order.externalID).map(\.amountMinor) == [4_410])
        let shipment = try #require(try await store.shipments(orderExternalID: order.externalID).first)
        #expect(shipment.deliveredAt != nil)
        #expect(try await store.customer(externalID: "anna.mueller@example.com")?.consent?.email == .granted)

    }

    @Test("a webhook updates the order and customer the Shopify export import stored: same keys")
    func agreesWithExportImport() async throws {
        let store = InMemoryStore()
        let summary = try await TestFiles.importFile(
            TestFiles.fixture("shopify/orders_export_eu.csv"), format: .shopify, into: store)
        #expect(summary.rowsRejected == 0)
        // Order #1001 of the export (Id 5612345678901, anna.mueller@example.com) arrives as orders/updated.
        let json = try Fixtures.edited("orders_create", [("\"id\": 820982911946154508,", "\"id\": 5612345678901,")])
        let counts = try await store.ingest(try #require(try Fixtures.map(.ordersUpdated, json: json).batch))
        #expect(counts.orders.created == 0)
        #expect(counts.orders.updated == 1)
        #expect(counts.customers.created == 0)
        #expect(try await store.orders(customerExternalID: "anna.mueller@example.com").count == 2)
    }

    @Test("refund ids of webhooks and of the export import cannot collide (docs/webhooks.md: reconciliation)")
    func refundKeys() async throws {
        let store = InMemoryStore()
        _ = try await TestFiles.importFile(
            TestFiles.fixture("shopify/orders_export_eu.csv"), format: .shopify, into: store)
        let json = try Fixtures.edited(
            "refunds_create",
            [("\"order_id\": 820982911946154508,\n  \"created_at\"", "\"order_id\": 5612345678903,\n  \"created_at\"")])
        _ = try await store.ingest(try #require(try Fixtures.map(.refundsCreate, json: json).batch))
        let refunds = try await store.refunds(orderExternalID: "5612345678903")
        #expect(Set(refunds.map(\.externalID)) == ["5612345678903-refund", "890088186047892319"])
    }
}
