import Foundation
import Testing
import FlywheelCore
@testable import FlywheelImport

@Suite("Shopify webhooks: fulfillments")
struct ShopifyWebhookMapperFulfillmentsTests {
    typealias Fixtures = ShopifyWebhookFixtures

    @Test("fulfillments/create: a shipment handed to DHL")
    func created() throws {
        let batch = try Fixtures.batch(.fulfillmentsCreate, "fulfillments_create")
        #expect(batch.recordCount == 1)
        let shipment = try #require(batch.shipments.first)
        #expect(shipment.externalID == "571234567890123456")
        #expect(shipment.orderExternalID == "820982911946154508")
        #expect(shipment.carrier == "DHL")
        #expect(shipment.trackingNumber == "00340434161094015902")
        #expect(shipment.supplier == "Rösterei Nord")  // the first line's vendor, as the export import has it
        #expect(shipment.shippedAt == Fixtures.instant("2025-03-06T09:12:00+01:00"))
        #expect(shipment.deliveredAt == nil)
        #expect(shipment.promisedBy == nil)
    }

    @Test("fulfillments/update: delivered at the update's time")
    func delivered() throws {
        let shipment = try #require(try Fixtures.batch(.fulfillmentsUpdate, "fulfillments_update").shipments.first)
        #expect(shipment.externalID == "571234567890123456")
        #expect(shipment.deliveredAt == Fixtures.instant("2025-03-07T13:41:09+01:00"))
        #expect(shipment.shippedAt == Fixtures.instant("2025-03-06T09:12:00+01:00"))
    }

    @Test("an estimated delivery time, when present, is the promise")
    func promise() throws {
        let json = try Fixtures.edited(
            "fulfillments_update",
            [
                (
                    "\"shipment_status\": \"delivered\",",
                    "\"shipment_status\": \"delivered\",\n  \"estimated_delivery_at\": \"2025-03-07T12:00:00+01:00\","
                )
            ])
        let shipment = try #require(try Fixtures.map(.fulfillmentsUpdate, json: json).batch?.shipments.first)
        #expect(shipment.promisedBy == Fixtures.instant("2025-03-07T12:00:00+01:00"))
        #expect(shipment.isLate(now: TestFiles.now))
    }

    @Test("without tracking_number the first of tracking_numbers is used")
    func trackingNumbers() throws {
        let json = try Fixtures.edited(
            "fulfillments_create", [("\"tracking_number\": \"00340434161094015902\"", "\"tracking_number\": null")])
        let shipment = try #require(try Fixtures.map(.fulfillmentsCreate, json: json).batch?.shipments.first)
        #expect(shipment.trackingNumber == "00340434161094015902")
    }

    @Test("a cancelled fulfillment is ignored with a reason", arguments: ["cancelled", "failure", "error"])
    func cancelled(status: String) throws {
        let json = try Fixtures.edited(
            "fulfillments_create", [("\"status\": \"success\"", "\"status\": \"\(status)\"")])
        let outcome = try Fixtures.map(.fulfillmentsUpdate, json: json)
        #expect(outcome.batch == nil)
        #expect(outcome.reason?.contains("status \(status)") == true)
    }
}
