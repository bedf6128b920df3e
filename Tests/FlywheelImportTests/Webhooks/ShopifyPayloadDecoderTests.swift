import Foundation
import Testing
import FlywheelCore
@testable import FlywheelImport

@Suite("Shopify webhooks: malformed payloads")
struct ShopifyPayloadDecoderTests {
    typealias Fixtures = ShopifyWebhookFixtures

    /// Maps `json` as `orders/create` and returns the error it must throw.
    private func failure(_ json: String, topic: ShopifyWebhookTopic = .ordersCreate) -> ShopifyWebhookError? {
        #expect(throws: ShopifyWebhookError.self) { try Fixtures.map(topic, json: json) }
    }

    @Test("truncated, empty or non-JSON bodies are malformed JSON, reported for the whole body")
    func notJSON() throws {
        let text = try Fixtures.text("orders_create")
        for body in [String(text.prefix(2_000)), String(text.dropLast(3)), "", "orders/create", "{\"id\": 1"] {
            let error = failure(body)
            #expect(error?.kind == .malformedJSON)
            #expect(error?.path == "body")
        }
    }

    @Test("a body that is JSON but not an object")
    func notAnObject() {
        let error = failure("[1, 2, 3]")
        #expect(error?.kind == .invalidPayload)
        #expect(error?.path == "body")
        #expect(error?.reason == "must be a JSON object")
    }

    @Test("a string where a number belongs names the line and the field")
    func stringForNumber() throws {
        let json = try Fixtures.edited(
            "orders_create",
            [
                (
                    "\"quantity\": 1,\n      \"requires_shipping\": true,\n      \"sku\": \"FIL-4\"",
                    "\"quantity\": \"1\",\n      \"sku\": \"FIL-4\""
                )
            ])
        let error = failure(json)
        #expect(error?.kind == .invalidPayload)
        #expect(error?.path == "line_items[1].quantity")
        #expect(error?.reason == "must be a whole number")
    }

    @Test("a number where Shopify sends a decimal string (money)")
    func numberForString() throws {
        let error = failure(try Fixtures.edited("orders_create", [("\"price\": \"3.50\"", "\"price\": 3.5")]))
        #expect(error?.path == "line_items[1].price")
        #expect(error?.reason == "must be a string")
    }

    @Test("a negative quantity breaks the rule for line quantities")
    func negativeQuantity() throws {
        let json = try Fixtures.edited(
            "orders_create",
            [
                (
                    "\"quantity\": 1,\n      \"requires_shipping\": true,\n      \"sku\": \"MUE-HAND\"",
                    "\"quantity\": -1,\n      \"sku\": \"MUE-HAND\""
                )
            ])
        let error = failure(json)
        #expect(error?.kind == .invalidRecord)
        #expect(error?.path == "line_items[2].quantity")
        #expect(error?.reason == "must be at least 1")
    }

    @Test("a zero quantity is reported by the domain's rule at the line's path")
    func zeroQuantity() throws {
        let json = try Fixtures.edited(
            "orders_create",
            [
                (
                    "\"quantity\": 1,\n      \"requires_shipping\": true,\n      \"sku\": \"MUE-HAND\"",
                    "\"quantity\": 0,\n      \"sku\": \"MUE-HAND\""
                )
            ])
        let error = failure(json)
        #expect(error?.kind == .invalidRecord)
        #expect(error?.issues.map(\.field).contains("line_items[2].quantity") == true)
    }

    @Test("fractions and numbers beyond 64 bits are named, not reported as invalid JSON")
    func unreadableNumbers() throws {
        let fraction = failure(try Fixtures.edited("orders_create", [("\"quantity\": 2,", "\"quantity\": 1.5,")]))
        #expect(fraction?.path == "line_items[0].quantity")
        #expect(fraction?.reason == "must be a whole number, not a fraction")
        let huge = failure(
            try Fixtures.edited("orders_create", [("\"id\": 820982911946154508,", "\"id\": 82098291194615450800,")]))
        #expect(huge?.path == "id")
        #expect(huge?.reason == "is too large for a whole number")
        let text = failure(
            try Fixtures.edited("orders_create", [("\"id\": 820982911946154508,", "\"id\": \"#1042\",")]))
        #expect(text?.path == "id")
        #expect(text?.reason == "must be a Shopify id (digits only)")
    }

    @Test("missing and null fields")
    func missingAndNull() throws {
        let missing = failure(try Fixtures.edited("orders_create", [("\"financial_status\": \"paid\",", "")]))
        #expect(missing?.path == "financial_status")
        #expect(missing?.reason == "is missing")
        let null = failure(
            try Fixtures.edited(
                "orders_create",
                [("\"currency\": \"EUR\",\n  \"current_shipping", "\"currency\": null,\n  \"current_shipping")]))
        #expect(null?.path == "currency")
        #expect(null?.reason == "must not be null")
        let nullQuantity = failure(try Fixtures.edited("orders_create", [("\"quantity\": 2,", "\"quantity\": null,")]))
        #expect(nullQuantity?.path == "line_items[0].quantity")
        #expect(nullQuantity?.reason == "must not be null")
        let missingID = failure("{\"order_id\": 1}", topic: .refundsCreate)
        #expect(missingID?.path == "id")
    }

    @Test("unreadable values: money, times, currencies, statuses")
    func unreadableValues() throws {
        let comma = failure(try Fixtures.edited("orders_create", [("\"price\": \"3.50\"", "\"price\": \"3,50\"")]))
        #expect(comma?.path == "line_items[1].price")
        #expect(comma?.reason.contains("decimal") == true)
        let negative = failure(try Fixtures.edited("orders_create", [("\"price\": \"3.50\"", "\"price\": \"-3.50\"")]))
        #expect(negative?.reason == "must not be negative")
        let date = failure(
            try Fixtures.edited(
                "orders_create",
                [("\"processed_at\": \"2025-03-05T14:30:11+01:00\"", "\"processed_at\": \"2025-02-30T14:30:11+01:00\"")]
            ))
        #expect(date?.path == "processed_at")
        let currency = failure(
            try Fixtures.edited(
                "orders_create",
                [("\"currency\": \"EUR\",\n  \"current_shipping", "\"currency\": \"EURO\",\n  \"current_shipping")]))
        #expect(currency?.path == "currency")
        let status = failure(
            try Fixtures.edited(
                "orders_create", [("\"financial_status\": \"paid\"", "\"financial_status\": \"expired\"")]))
        #expect(status?.path == "financial_status")
        let shipping = failure(
            try Fixtures.edited(
                "orders_create",
                [
                    (
                        "\"total_shipping_price_set\": {\n    \"shop_money\": { \"amount\": \"4.90\", \"currency_code\": \"EUR\" }",
                        "\"total_shipping_price_set\": {\n    \"shop_money\": { \"amount\": \"4.90\", \"currency_code\": \"CHF\" }"
                    )
                ]))
        #expect(shipping?.path == "total_shipping_price_set.shop_money.currency_code")
    }

    @Test("sums that do not add up report every broken rule at its JSON path")
    func rulesBroken() throws {
        let json = try Fixtures.edited(
            "orders_create",
            [
                (
                    "\"subtotal_price\": \"74.07\",\n  \"subtotal_price_set\"",
                    "\"subtotal_price\": \"74.00\",\n  \"subtotal_price_set\""
                )
            ])
        let error = failure(json)
        #expect(error?.kind == .invalidRecord)
        #expect(error?.issues.map(\.field) == ["total_price", "subtotal_price"])
        #expect(error?.issues.first?.reason == "does not equal subtotal + shipping (taxes included in prices)")
    }

    @Test("an implausible customer e-mail rejects the order; the message never repeats the value")
    func invalidEmail() throws {
        let json = try Fixtures.edited(
            "orders_create",
            [
                (
                    "\"email\": \"Anna.Mueller@Example.com\",\n    \"created_at\"",
                    "\"email\": \"anna-at-example\",\n    \"created_at\""
                )
            ])
        let error = try #require(failure(json))
        #expect(error.kind == .invalidRecord)
        #expect(error.path == "customer.email")
        #expect(error.reason == "is not a valid e-mail address")
        #expect(!error.description.contains("anna"))
        #expect(
            error.description == "orders/create webhook: invalid record: customer.email: is not a valid e-mail address")
    }
}
