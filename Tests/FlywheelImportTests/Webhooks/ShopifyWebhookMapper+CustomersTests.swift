import Foundation
import Testing
import FlywheelCore
@testable import FlywheelImport

@Suite("Shopify webhooks: customers")
struct ShopifyWebhookMapperCustomersTests {
    typealias Fixtures = ShopifyWebhookFixtures

    @Test("customers/create: keyed by e-mail, double opt-in pending")
    func created() throws {
        let batch = try Fixtures.batch(.customersCreate, "customers_create")
        #expect(batch.recordCount == 1)
        let jonas = try #require(batch.customers.first)
        #expect(jonas.externalID == "jonas.schmidt@example.com")
        #expect(jonas.firstName == "Jonas")
        #expect(jonas.lastName == "Schmidt")
        #expect(jonas.createdAt == Fixtures.instant("2025-04-20T19:40:02+02:00"))
        #expect(jonas.locale == nil)  // Shopify's customer payload names no language
        #expect(
            jonas.consent
                == MarketingConsent(
                    email: .pending, sms: .unknown, updatedAt: Fixtures.instant("2025-04-20T19:40:02+02:00")))
    }

    @Test("customers/update: a customer who gains an e-mail gets the e-mail key, apart from the id-keyed record")
    func gainsEmail() throws {
        let before = try #require(try Fixtures.batch(.ordersCreate, "orders_create_no_email").customers.first)
        let after = try #require(try Fixtures.batch(.customersUpdate, "customers_update").customers.first)
        #expect(before.externalID == "shopify-customer:7749123456789")
        #expect(after.externalID == "lea.weber@example.com")  // see docs/webhooks.md, "Customer keys"
        #expect(after.consent?.email == .revoked)
        #expect(after.consent?.sms == .granted)
        #expect(after.consent?.updatedAt == Fixtures.instant("2025-06-10T08:12:30+02:00"))  // the later of both
    }

    @Test(
        "Shopify's consent states in Flywheel's words",
        arguments: [
            ("subscribed", ConsentState.granted), ("pending", .pending), ("not_subscribed", .unknown),
            ("unsubscribed", .revoked), ("invalid", .revoked), ("redacted", .revoked),
            ("a_state_added_later", .unknown),
        ])
    func consentStates(state: String, expected: ConsentState) throws {
        let json = """
            {"id": 706405506930370084, "email": "kim@example.com", "created_at": null,
             "email_marketing_consent": {"state": "\(state)", "opt_in_level": "single_opt_in", "consent_updated_at": null},
             "sms_marketing_consent": null}
            """
        let customer = try #require(try Fixtures.map(.customersUpdate, json: json).batch?.customers.first)
        #expect(customer.consent == MarketingConsent(email: expected, sms: .unknown, updatedAt: nil))
    }

    @Test("no consent objects: nothing known, so a stored consent is left as it is")
    func noConsent() throws {
        let customer = try #require(
            try Fixtures.map(.customersUpdate, json: #"{"id": 42, "email": " Kim@Example.com "}"#).batch?.customers
                .first)
        #expect(customer.consent == nil)
        #expect(customer.externalID == "kim@example.com")
        #expect(
            Customer(externalID: "kim@example.com", consent: MarketingConsent(email: .granted)).merged(with: customer)
                .consent?.email == .granted)
    }

    @Test("a customer without e-mail is keyed by Shopify's id; an empty e-mail counts as none")
    func withoutEmail() throws {
        for email in ["null", "\"\"", "\"  \""] {
            let json = #"{"id": 603851970716743426, "email": \#(email), "first_name": "Mia"}"#
            let customer = try #require(try Fixtures.map(.customersCreate, json: json).batch?.customers.first)
            #expect(customer.externalID == "shopify-customer:603851970716743426")
            #expect(customer.email == nil)
        }
    }

    @Test("an implausible e-mail is reported at its path")
    func invalidEmail() {
        let error = #expect(throws: ShopifyWebhookError.self) {
            try Fixtures.map(.customersCreate, json: #"{"id": 42, "email": "kim at example"}"#)
        }
        #expect(error?.kind == .invalidRecord)
        #expect(error?.issues.map(\.field) == ["email"])
        #expect(error?.reason == "is not a valid e-mail address")
    }
}
