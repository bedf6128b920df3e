import Foundation
import Testing
import FlywheelCore
@testable import FlywheelImport

@Suite("Shopify webhooks: refunds")
struct ShopifyWebhookMapperRefundsTests {
    typealias Fixtures = ShopifyWebhookFixtures

    @Test("a partial refund: the successful refund transactions, not the failed attempt")
    func partialRefund() throws {
        let batch = try Fixtures.batch(.refundsCreate, "refunds_create")
        #expect(batch.recordCount == 1)
        let refund = try #require(batch.refunds.first)
        #expect(refund.externalID == "890088186047892319")
        #expect(refund.orderExternalID == "820982911946154508")
        #expect(refund.amountMinor == 4_410)
        #expect(refund.currency == .eur)
        #expect(refund.createdAt == Fixtures.instant("2025-03-12T10:02:40+01:00"))
    }

    @Test("transactions without currency use the shop currency of the refund's money sets")
    func currencyFromMoneySets() throws {
        let json = try Fixtures.edited(
            "refunds_create",
            [
                (
                    "\"currency\": \"EUR\",\n      \"payment_id\": \"c37189481267510.2\"",
                    "\"currency\": null,\n      \"payment_id\": \"c37189481267510.2\""
                ),
                (
                    "\"currency\": \"EUR\",\n      \"payment_id\": \"c37189481267510.3\"",
                    "\"currency\": null,\n      \"payment_id\": \"c37189481267510.3\""
                ),
            ])
        let refund = try #require(try Fixtures.map(.refundsCreate, json: json).batch?.refunds.first)
        #expect(refund.currency == .eur)
        #expect(refund.amountMinor == 4_410)
    }

    @Test("a refund paid out in the customer's currency cannot be stored against the order yet")
    func customerCurrency() throws {
        let json = try Fixtures.edited(
            "refunds_create",
            [
                (
                    "\"currency\": \"EUR\",\n      \"payment_id\": \"c37189481267510.3\"",
                    "\"currency\": \"CHF\",\n      \"payment_id\": \"c37189481267510.3\""
                )
            ])
        let error = #expect(throws: ShopifyWebhookError.self) { try Fixtures.map(.refundsCreate, json: json) }
        #expect(error?.kind == .unsupported)
        #expect(error?.path == "transactions[1].currency")
    }

    @Test("a refund that moved no money is ignored with a reason")
    func noMoney() throws {
        let json = try Fixtures.edited("refunds_create", [("\"status\": \"success\"", "\"status\": \"pending\"")])
        let outcome = try Fixtures.map(.refundsCreate, json: json)
        #expect(outcome.batch == nil)
        #expect(outcome.reason?.contains("moved no money") == true)
        #expect(outcome.reason?.contains("890088186047892319") == true)
    }

    @Test("a refund through a test gateway belongs to a test order and is ignored")
    func testGateway() throws {
        let json = try Fixtures.edited(
            "refunds_create",
            [
                (
                    "\"test\": false,\n      \"authorization\": \"re_3QxYz2AbCdEf0002\"",
                    "\"test\": true,\n      \"authorization\": \"re_3QxYz2AbCdEf0002\""
                )
            ])
        let outcome = try Fixtures.map(.refundsCreate, json: json)
        #expect(outcome.batch == nil)
        #expect(outcome.reason?.contains("test") == true)
    }

    @Test("ids of 18 digits stay exact through every topic (a Double would change their last digits)")
    func exactIDs() throws {
        #expect(String(Int64(Double(820_982_911_946_154_508 as Int64))) != "820982911946154508")
        let order = try Fixtures.batch(.ordersCreate, "orders_create")
        #expect(order.orders.first?.externalID == "820982911946154508")
        let refund = try Fixtures.batch(.refundsCreate, "refunds_create")
        #expect(refund.refunds.first?.externalID == "890088186047892319")
        let shipment = try Fixtures.batch(.fulfillmentsCreate, "fulfillments_create")
        #expect(shipment.shipments.first?.externalID == "571234567890123456")
        // Ids sent as strings (some proxies do) come out the same.
        let quoted = try Fixtures.edited(
            "refunds_create", [("\"id\": 890088186047892319,", "\"id\": \"890088186047892319\",")])
        #expect(try Fixtures.map(.refundsCreate, json: quoted).batch?.refunds.first?.externalID == "890088186047892319")
    }
}
