import Foundation
import Testing
import FlywheelCore
@testable import FlywheelImport

@Suite("Shopify webhooks: orders")
struct ShopifyWebhookMapperOrdersTests {
    typealias Fixtures = ShopifyWebhookFixtures

    @Test("orders/create: a European order with a discount code, taxes included, paid in CHF")
    func orderCreate() throws {
        let outcome = try Fixtures.map(.ordersCreate, "orders_create")
        #expect(outcome.reason == nil)
        let batch = try #require(outcome.batch)
        let order = try #require(batch.orders.first)
        #expect(batch.orders.count == 1)
        #expect(order.externalID == "820982911946154508")
        #expect(order.customerExternalID == "anna.mueller@example.com")
        #expect(order.placedAt == Fixtures.instant("2025-03-05T14:30:11+01:00"))  // processed_at
        // Shop money, not the customer's francs.
        #expect(order.currency == .eur)
        #expect(
            order.lineItems.map(\.title) == [
                "Kaffeebohnen Äthiopien - 500 g", "Filterpapier Gr. 4", "Handmühle Edelstahl",
            ])
        #expect(order.lineItems.map(\.sku) == ["KAF-ETH-500", "FIL-4", "MUE-HAND"])
        #expect(order.lineItems.map(\.quantity) == [2, 1, 1])
        #expect(order.lineItems.map(\.totalMinor) == [2_980, 350, 4_900])
        #expect(order.lineItems.map(\.vendor) == ["Rösterei Nord", "Papierwerk Süd", "Mahlwerk GmbH"])
        #expect(order.lineItems.allSatisfy { $0.category == nil })
        #expect(order.discounts == [DiscountApplication(code: "WILLKOMMEN10", amountMinor: 823)])
        #expect(order.subtotalMinor == 7_407)
        #expect(order.shippingMinor == 490)
        #expect(order.taxMinor == 1_260)
        #expect(order.taxesIncluded)
        #expect(order.totalMinor == 7_897)
        #expect(order.financialStatus == .paid)
        #expect(order.source == "web")
        #expect(order.channel == nil)
        #expect(order.cancelledAt == nil)

        let anna = try #require(batch.customers.first)
        #expect(batch.customers.count == 1)
        #expect(anna.externalID == "anna.mueller@example.com")
        #expect(anna.email == "anna.mueller@example.com")
        #expect(anna.firstName == "Anna")
        #expect(anna.lastName == "Müller")
        #expect(anna.locale == .de)  // customer_locale de-DE
        #expect(anna.createdAt == Fixtures.instant("2024-02-11T09:14:03+01:00"))
        #expect(
            anna.consent
                == MarketingConsent(
                    email: .granted, sms: .unknown, updatedAt: Fixtures.instant("2024-02-11T09:15:40+01:00")))

        #expect(batch.products.map(\.sku) == ["KAF-ETH-500", "FIL-4", "MUE-HAND"])
        #expect(
            batch.products.map(\.title) == [
                "Kaffeebohnen Äthiopien - 500 g", "Filterpapier Gr. 4", "Handmühle Edelstahl",
            ])
        #expect(batch.products.map(\.vendor) == ["Rösterei Nord", "Papierwerk Süd", "Mahlwerk GmbH"])
        #expect(batch.refunds.isEmpty && batch.shipments.isEmpty)
    }

    @Test("orders/updated after a partial refund: the same order, original totals, the new status")
    func orderUpdated() throws {
        let created = try #require(try Fixtures.batch(.ordersCreate, "orders_create").orders.first)
        let batch = try Fixtures.batch(.ordersUpdated, "orders_updated")
        let updated = try #require(batch.orders.first)
        #expect(updated.externalID == created.externalID)
        #expect(updated.financialStatus == .partiallyRefunded)
        // current_total_price went down by the refund; Flywheel keeps the order as placed and the refund apart.
        #expect(updated.totalMinor == created.totalMinor)
        #expect(updated.lineItems == created.lineItems)
        #expect(batch.refunds.isEmpty && batch.shipments.isEmpty)  // embedded refunds/fulfillments have their own topics
    }

    @Test("orders/cancelled: cancelled_at is kept, the payment voided")
    func orderCancelled() throws {
        let batch = try Fixtures.batch(.ordersCancelled, "orders_cancelled")
        let order = try #require(batch.orders.first)
        #expect(order.externalID == "5934812345688")
        #expect(order.cancelledAt == Fixtures.instant("2025-05-02T12:00:00+02:00"))
        #expect(order.financialStatus == .voided)
        #expect(order.totalMinor == 4_360)
        #expect(order.lineItems.map(\.totalMinor) == [3_870])
        #expect(order.customerExternalID == "jonas.schmidt@example.com")
        #expect(batch.customers.first?.consent?.email == .pending)
    }

    @Test("a test order is ignored with a reason, although its totals would not pass the rules")
    func testOrderIgnored() throws {
        let outcome = try Fixtures.map(.ordersCreate, "orders_create_test")
        #expect(outcome.batch == nil)
        let reason = try #require(outcome.reason)
        #expect(reason.contains("820982911946154599"))
        #expect(reason.contains("test order"))
        // The same payload without the flag is an ordinary order, and its totals do not add up.
        let real = try Fixtures.edited("orders_create_test", [("\"test\": true", "\"test\": false")])
        #expect(throws: ShopifyWebhookError.self) { try Fixtures.map(.ordersCreate, json: real) }
    }

    @Test("a customer without e-mail (POS, phone only) is keyed by Shopify's customer id")
    func customerWithoutEmail() throws {
        let batch = try Fixtures.batch(.ordersCreate, "orders_create_no_email")
        let order = try #require(batch.orders.first)
        let lea = try #require(batch.customers.first)
        #expect(lea.externalID == "shopify-customer:7749123456789")
        #expect(lea.email == nil)
        #expect(lea.firstName == "Lea")
        #expect(lea.consent?.email == .unknown)
        #expect(lea.consent?.sms == .granted)
        #expect(order.customerExternalID == "shopify-customer:7749123456789")
        #expect(order.source == "pos")
        #expect(order.shippingMinor == 0)
        #expect(order.totalMinor == 1_990)
    }

    @Test("a guest order without customer and e-mail names nobody")
    func guestOrder() throws {
        let json = try Fixtures.edited("orders_create_no_email", [("\"customer\": {", "\"guest\": {")])
        let batch = try #require(try Fixtures.map(.ordersCreate, json: json).batch)
        #expect(batch.customers.isEmpty)
        #expect(batch.orders.first?.customerExternalID == nil)
    }

    @Test("a US order: tax on top, an automatic discount, a free-shipping code on the shipping line")
    func usOrder() throws {
        let batch = try Fixtures.batch(.ordersCreate, "orders_create_us")
        let order = try #require(batch.orders.first)
        #expect(order.currency == .usd)
        #expect(!order.taxesIncluded)
        #expect(order.lineItems.map(\.totalMinor) == [4_800, 1_200])
        #expect(order.lineItems.map(\.title) == ["Cold Brew Kit", "Mug - Black"])
        #expect(order.discounts == [DiscountApplication(code: "Summer Sale", amountMinor: 500)])
        #expect(order.subtotalMinor == 5_500)
        #expect(order.shippingMinor == 0)  // 7.50 less the FREESHIP allocation
        #expect(order.taxMinor == 344)
        #expect(order.totalMinor == 5_844)
        let mike = try #require(batch.customers.first)
        #expect(mike.locale == .en)
        #expect(mike.consent?.email == .granted)
        #expect(mike.consent?.sms == .unknown)
    }

    @Test("an order without customer object but with e-mail keys the customer by that e-mail, as the export does")
    func customerFromOrderEmail() throws {
        let json = try Fixtures.edited("orders_create_us", [("\"customer\": {", "\"buyer\": {")])
        let batch = try #require(try Fixtures.map(.ordersCreate, json: json).batch)
        let customer = try #require(batch.customers.first)
        #expect(customer.externalID == "mike@example.com")
        #expect(customer.firstName == "Mike")  // billing_address
        #expect(customer.createdAt == Fixtures.instant("2025-07-01T09:00:00-04:00"))  // the order's time
        #expect(customer.consent == nil)
        #expect(batch.orders.first?.customerExternalID == "mike@example.com")
    }

    @Test("money is read exactly with the currency's exponent: yen without decimals, dinar with three")
    func currencyExponents() throws {
        let yen = try #require(
            try Fixtures.map(
                .ordersCreate,
                json: Self.order(
                    currency: "JPY", lines: [("1500", 2)], subtotal: "3000", shipping: "0", tax: "0", total: "3000")
            ).batch?.orders.first)
        #expect(yen.lineItems.first?.totalMinor == 3_000)
        #expect(yen.totalMinor == 3_000)
        let dinar = try #require(
            try Fixtures.map(
                .ordersCreate,
                json: Self.order(
                    currency: "KWD", lines: [("12.345", 1)], subtotal: "12.345", shipping: "1.000", tax: "0",
                    total: "13.345")
            ).batch?.orders.first)
        #expect(dinar.lineItems.first?.totalMinor == 12_345)
        #expect(dinar.shippingMinor == 1_000)
        let error = #expect(throws: ShopifyWebhookError.self) {
            try Fixtures.map(
                .ordersCreate,
                json: Self.order(
                    currency: "JPY", lines: [("1500.50", 1)], subtotal: "1500", shipping: "0", tax: "0", total: "1500"))
        }
        #expect(error?.path == "line_items[0].price")
        #expect(error?.reason == "has more than 0 decimal places, more than JPY has")
    }

    @Test("product_type, when a payload carries it, becomes the line's and the product's category")
    func productType() throws {
        let json = Self.order(lines: [("10.00", 1)], subtotal: "10.00", shipping: "0.00", tax: "0.00", total: "10.00")
            .replacingOccurrences(
                of: "\"vendor\": \"Rösterei Nord\"", with: "\"vendor\": \"Rösterei Nord\", \"product_type\": \"Kaffee\""
            )
        let batch = try #require(try Fixtures.map(.ordersCreate, json: json).batch)
        #expect(batch.orders.first?.lineItems.first?.category == "Kaffee")
        #expect(batch.products.first?.category == "Kaffee")
    }

    @Test("without discount_applications (older API versions) the discount_codes are used")
    func discountCodesOnly() throws {
        let json = Self.order(
            lines: [("20.00", 1)], subtotal: "18.00", shipping: "4.90", tax: "0.00", total: "22.90",
            extra: #""discount_codes": [{"code": "SOMMER", "amount": "2.00", "type": "fixed_amount"}],"#)
        let order = try #require(try Fixtures.map(.ordersCreate, json: json).batch?.orders.first)
        #expect(order.discounts == [DiscountApplication(code: "SOMMER", amountMinor: 200)])
    }

    @Test("a tip makes the total disagree; the error says so")
    func tip() throws {
        let json = Self.order(
            lines: [("20.00", 1)], subtotal: "20.00", shipping: "0.00", tax: "0.00", total: "22.00",
            extra: #""total_tip_received": "2.00","#)
        let error = #expect(throws: ShopifyWebhookError.self) { try Fixtures.map(.ordersCreate, json: json) }
        #expect(error?.kind == .invalidRecord)
        #expect(error?.path == "total_price")
        #expect(error?.reason.contains("tip") == true)
    }

    @Test("a discount allocation must name an existing discount application")
    func allocationIndex() throws {
        let json = try Fixtures.edited(
            "orders_create",
            [
                (
                    "\"0.33\", \"currency_code\": \"CHF\" }\n          },\n          \"discount_application_index\": 0",
                    "\"0.33\", \"currency_code\": \"CHF\" }\n          },\n          \"discount_application_index\": 3"
                )
            ])
        let error = #expect(throws: ShopifyWebhookError.self) { try Fixtures.map(.ordersCreate, json: json) }
        #expect(error?.path == "line_items[1].discount_allocations[0].discount_application_index")
    }

    /// A small order payload for edge cases: one customer e-mail, lines of (unit price, quantity).
    static func order(
        currency: String = "EUR", lines: [(price: String, quantity: Int)], subtotal: String, shipping: String,
        tax: String,
        total: String, extra: String = ""
    ) -> String {
        let items = lines.enumerated().map { index, line in
            """
            {"id": \(1000 + index), "name": "Artikel \(index)", "title": "Artikel \(index)", "sku": "ART-\(index)",
             "vendor": "Rösterei Nord", "quantity": \(line.quantity), "price": "\(line.price)", "discount_allocations": []}
            """
        }
        return """
            {
              "id": 5612345678950, "email": "kim@example.com", "created_at": "2025-02-01T10:00:00+01:00",
              "processed_at": "2025-02-01T10:00:00+01:00", "currency": "\(currency)", "financial_status": "paid",
              "source_name": "web", "taxes_included": false, "test": false, \(extra)
              "subtotal_price": "\(subtotal)", "total_price": "\(total)", "total_tax": "\(tax)",
              "total_shipping_price_set": {
                "shop_money": {"amount": "\(shipping)", "currency_code": "\(currency)"},
                "presentment_money": {"amount": "\(shipping)", "currency_code": "\(currency)"}
              },
              "discount_applications": [], "shipping_lines": [],
              "line_items": [\(items.joined(separator: ", "))]
            }
            """
    }
}
