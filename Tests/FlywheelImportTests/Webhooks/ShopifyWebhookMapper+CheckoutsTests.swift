import Foundation
import Testing
import FlywheelCore
@testable import FlywheelImport

@Suite("Shopify webhooks: checkouts")
struct ShopifyWebhookMapperCheckoutsTests {
    typealias Fixtures = ShopifyWebhookFixtures

    @Test("checkouts/create: the checkout (token, lines, total, recovery link, UTC times) and its customer")
    func withCustomer() throws {
        let outcome = try Fixtures.map(.checkoutsCreate, "checkouts_create")
        #expect(outcome.reason == nil)
        let batch = try #require(outcome.batch)
        let mia = try #require(batch.customers.first)
        #expect(mia.externalID == "mia.klein@example.com")
        #expect(mia.locale == .de)
        #expect(mia.consent?.email == .granted)
        let checkout = try #require(batch.checkouts.first)
        #expect(batch.checkouts.count == 1)
        #expect(checkout.externalID == "3f6c0a9e2b7d4c1f8a5e6d2b9c0f7a41")
        #expect(checkout.customerExternalID == "mia.klein@example.com")
        #expect(checkout.email == "mia.klein@example.com")
        #expect(checkout.createdAt == Fixtures.instant("2025-06-02T19:14:07Z"))
        #expect(checkout.updatedAt == Fixtures.instant("2025-06-02T19:16:51Z"))
        #expect(checkout.currency == .eur && checkout.totalMinor == 2980)
        #expect(
            checkout.lines == [
                CheckoutLine(sku: "KAF-ETH-500", title: "Kaffeebohnen Äthiopien - 500 g", quantity: 2, unitPriceMinor: 1490)
            ])
        #expect(checkout.recoveryURL?.hasPrefix("https://roesterei-nord.example.com/") == true)
        #expect(checkout.recoveryURL?.hasSuffix("/recover?key=example") == true)
        #expect(checkout.isOpen)
    }

    @Test("a checkout with neither customer nor e-mail is ignored, naming its token")
    func withoutCustomer() throws {
        let outcome = try Fixtures.map(.checkoutsUpdate, "checkouts_update")
        #expect(outcome.batch == nil)
        #expect(outcome.reason?.contains("checkout 8d2a4c6e0f1b3d5f7a9c1e3b5d7f9a2c names no customer and no email") == true)
    }

    @Test("a guest's checkout keeps the e-mail (lower-cased) and creates no customer")
    func guest() throws {
        let json = try Fixtures.edited("checkouts_update", [(#""email": null"#, #""email": "Gast@Example.com""#)])
        let batch = try #require(try Fixtures.map(.checkoutsUpdate, json: json).batch)
        #expect(batch.customers.isEmpty)
        let checkout = try #require(batch.checkouts.first)
        #expect(checkout.customerExternalID == nil)
        #expect(checkout.email == "gast@example.com")
        #expect(checkout.totalMinor == 350)
        #expect(checkout.lines.map(\.title) == ["Filterpapier Gr. 4"])
    }

    @Test("completed_at marks the checkout completed")
    func completed() throws {
        let json = try Fixtures.edited(
            "checkouts_create", [(#""completed_at": null"#, #""completed_at": "2025-06-02T21:20:00+02:00""#)])
        let checkout = try #require(try Fixtures.map(.checkoutsUpdate, json: json).batch?.checkouts.first)
        #expect(checkout.completedAt == Fixtures.instant("2025-06-02T19:20:00Z"))
        #expect(!checkout.isOpen)
    }

    @Test(
        "bad input names the JSON path",
        arguments: [
            (#""total_price": "29.80""#, #""total_price": "29,80 €""#, "total_price"),
            (#""quantity": 2,"#, #""quantity": 0,"#, "line_items[0].quantity"),
            (#""price": "14.90""#, #""price": "-1.00""#, "line_items[0].price"),
            (#""token": "3f6c0a9e2b7d4c1f8a5e6d2b9c0f7a41","#, #""token": null,"#, "token"),
            (#""total_weight": 1000,\#n  "currency": "EUR""#, #""total_weight": 1000,\#n  "currency": "EURO""#, "currency"),
            (
                #""abandoned_checkout_url": "https://roesterei"#, #""abandoned_checkout_url": "javascript:alert(1)//"#,
                "abandoned_checkout_url"
            ),
        ])
    func badInput(_ old: String, _ new: String, _ path: String) throws {
        let json = try Fixtures.edited("checkouts_create", [(old, new)])
        let error = #expect(throws: ShopifyWebhookError.self) { try Fixtures.map(.checkoutsCreate, json: json) }
        #expect(error?.issues.map(\.field).contains(path) == true, "\(String(describing: error))")
    }
}
