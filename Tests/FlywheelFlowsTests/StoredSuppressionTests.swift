import FlywheelCore
import FlywheelFlows
import Foundation
import Testing

@Suite("The stored suppression list in the contact policy")
struct StoredSuppressionTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let policy = ContactPolicy.standard(shopTimeZone: TimeZone(identifier: "Europe/Berlin")!)
    let marketing = MessageIntent(channel: .email, messageClass: .marketing, ownSimilarGoods: true)
    let transactional = MessageIntent(channel: .email, messageClass: .transactional)

    /// What the outbox does: the customer's consent and the list's reason for their address.
    func decide(_ message: MessageIntent, _ customer: Customer, _ list: SuppressionList) -> ContactDecision {
        let facts = ContactFacts(
            emailConsent: customer.consent?.email ?? .unknown,
            emailSuppression: customer.email.flatMap { list.reason(for: $0, channel: .email) },
            existingCustomer: ExistingCustomerFacts(addressFromSale: true, toldOfRightToObject: true))
        return policy.decide(message, contact: facts, orderInTransit: false, customerTimeZone: nil, now: now)
    }

    @Test("an unsubscribed customer gets no marketing, even under the existing-customer exemption")
    func unsubscribedGetsNoMarketing() async throws {
        let store = InMemoryStore()
        let customer = Customer(externalID: "c1", email: "Anna@Example.com")
        _ = try await store.ingest(IngestBatch(customers: [customer]))
        // Without consent, the exemption allows own similar goods.
        #expect(decide(marketing, customer, SuppressionList(stored: try await store.suppressions())) == .send(.existingCustomer))

        let entry = SuppressionEntry(
            channel: .email, addressHash: "digest", address: customer.email, cause: .unsubscribed, source: .oneClick,
            suppressedAt: now)
        _ = try await store.recordConsentChange(
            ConsentChange(customerExternalID: "c1", channel: .email, state: .revoked, source: .oneClick, changedAt: now),
            suppression: .add(entry))
        let stored = try #require(try await store.customer(externalID: "c1"))
        let list = SuppressionList(stored: try await store.suppressions())
        #expect(list.reason(for: " anna@example.com", channel: .email) == .unsubscribed)
        #expect(decide(marketing, stored, list) == .skip(.suppressed(.email, .unsubscribed)))
        #expect(decide(transactional, stored, list) == .send(.notNeeded))
    }

    @Test("an erased address is kept as a digest only: it joins the list for the address that matched it")
    func erasedByDigest() {
        let erased = SuppressionEntry(
            channel: .email, addressHash: "digest", address: nil, cause: .erased, source: .erasure, suppressedAt: now)
        var list = SuppressionList(stored: [erased])
        #expect(list.count == 0)
        list.add(erased, address: "anna@example.com")
        #expect(list.reason(for: "Anna@example.com", channel: .email) == .erased)
        let customer = Customer(externalID: "c9", email: "anna@example.com", consent: MarketingConsent(email: .granted))
        #expect(decide(transactional, customer, list) == .skip(.suppressed(.email, .erased)))
    }
}
