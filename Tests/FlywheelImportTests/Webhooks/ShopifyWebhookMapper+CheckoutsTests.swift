import Foundation
import Testing
import FlywheelCore
@testable import FlywheelImport

@Suite("Shopify webhooks: checkouts")
struct ShopifyWebhookMapperCheckoutsTests {
    typealias Fixtures = ShopifyWebhookFixtures

    @Test("checkouts/create: the customer is stored, the checkout is reported as not stored")
    func withCustomer() throws {
        let outcome = try Fixtures.map(.checkoutsCreate, "checkouts_create")
        let batch = try #require(outcome.batch)
        #expect(batch.recordCount == 1)
        let mia = try #require(batch.customers.first)
        #expect(mia.externalID == "mia.klein@example.com")
        #expect(mia.locale == .de)
        #expect(mia.consent?.email == .granted)
        let reason = try #require(outcome.reason)
        #expect(reason.contains("checkout"))
        #expect(reason.contains("not stored"))
        #expect(!reason.contains("mia"))
    }

    @Test("checkouts/update without a customer: nothing to store")
    func withoutCustomer() throws {
        let outcome = try Fixtures.map(.checkoutsUpdate, "checkouts_update")
        #expect(outcome.batch == nil)
        #expect(outcome.reason?.contains("checkout 981820079255243537 is not stored") == true)
    }
}
