import FlywheelAutomation
import FlywheelCore
import FlywheelFlows
import Foundation
import Testing

@Suite("StoreFactsProvider: facts from the stored customer and orders")
struct StoreFactsProviderTests {
    @Test("orders, spend, consent, locale and an order on its way")
    func factsFromStore() async throws {
        let store = InMemoryStore()
        try await store.saveShopSettings(
            ShopSettings(name: "Shop", currency: .eur, timeZoneIdentifier: "Europe/Berlin", defaultLocale: .de))
        let day: (Int) -> Date = { Date(timeIntervalSince1970: 1_767_225_600 + Double($0) * 86_400) }
        var customer = Customer(externalID: "c_1", createdAt: day(0))
        customer.email = "anna@example.com"
        customer.locale = .en
        customer.consent = MarketingConsent(email: .granted)
        var batch = IngestBatch()
        batch.customers = [customer]
        batch.orders = [Self.order("o_1", day: day(1), total: 2_000), Self.order("o_2", day: day(10), total: 3_500)]
        batch.shipments = [Shipment(externalID: "s_1", orderExternalID: "o_2", shippedAt: day(11), promisedBy: day(14))]
        _ = try await store.ingest(batch)
        let provider = StoreFactsProvider(
            store: store, exemption: ExistingCustomerFacts(addressFromSale: true, toldOfRightToObject: true))
        let facts = try await provider.facts(for: ["c_1", "c_unknown"], now: day(12))
        let anna = try #require(facts["c_1"])
        #expect(anna.orderCount == 2 && anna.totalSpentMinor == 5_500)
        #expect(anna.firstOrderAt == day(1) && anna.lastOrderAt == day(10))
        #expect(anna.locale == .en && anna.orderInTransit && anna.expectedDeliveryAt == day(14))
        #expect(anna.contact.hasEmail && anna.contact.emailConsent == .granted)
        #expect(anna.contact.existingCustomer?.addressFromSale == true)
        let unknown = try #require(facts["c_unknown"])
        #expect(unknown.orderCount == 0 && !unknown.contact.hasEmail && unknown.contact.existingCustomer == nil)
        // Orders after `now` do not count yet.
        #expect(try await provider.facts(for: ["c_1"], now: day(5))["c_1"]?.orderCount == 1)
    }

    static func order(_ id: String, day: Date, total: Int64) -> Order {
        Order(
            externalID: id, customerExternalID: "c_1", placedAt: day, currency: .eur, lineItems: [],
            subtotalMinor: total, totalMinor: total)
    }
}
