public import FlywheelCore
public import FlywheelFlows
public import Foundation

/// Facts from the store's customer and order records: locale, birthday, order count, spend, first and last
/// order, whether an order is on its way, e-mail address and marketing consent.
///
/// Not (yet) here: predictions, points, tiers, tags, segments, suppressions and recent marketing sends; those
/// come with their modules (analytics, loyalty, outbox), and a provider that knows them can wrap this one.
/// The existing-customer exemption is assumed for addresses of customers with an order (`exemption`).
public struct StoreFactsProvider: CustomerFactsProvider {
    let store: any FlywheelStore
    let exemption: ExistingCustomerFacts?

    /// `exemption`: what the shop recorded at checkout about the §7(3) UWG conditions (`nil` when it does not
    /// use the exemption).
    public init(store: any FlywheelStore, exemption: ExistingCustomerFacts? = nil) {
        self.store = store
        self.exemption = exemption
    }

    public func facts(for customerIDs: Set<String>, now: Date) async throws -> [String: CustomerFacts] {
        let currency = try await store.shopSettings()?.currency
        var answer: [String: CustomerFacts] = [:]
        for id in customerIDs {
            answer[id] = try await facts(of: id, currency: currency, now: now)
        }
        return answer
    }

    private func facts(of customerID: String, currency: CurrencyCode?, now: Date) async throws -> CustomerFacts {
        let customer = try await store.customer(externalID: customerID)
        let orders = try await store.orders(customerExternalID: customerID).filter {
            $0.cancelledAt == nil && $0.placedAt <= now
        }
        var facts = CustomerFacts(
            locale: customer?.locale, orderCount: orders.count, firstOrderAt: orders.first?.placedAt,
            lastOrderAt: orders.last?.placedAt, birthday: customer?.birthday)
        facts.totalSpentMinor = orders.filter { currency == nil || $0.currency == currency }.reduce(0) {
            $0 + $1.totalMinor
        }
        if let last = orders.last {
            let shipments = try await store.shipments(orderExternalID: last.externalID)
            facts.orderInTransit = shipments.contains { $0.shippedAt != nil && $0.deliveredAt == nil }
            facts.expectedDeliveryAt = shipments.compactMap(\.promisedBy).max()
        }
        facts.contact = ContactFacts(
            hasEmail: customer?.email != nil, hasPhone: false, emailConsent: customer?.consent?.email ?? .unknown,
            smsConsent: customer?.consent?.sms ?? .unknown,
            existingCustomer: orders.isEmpty ? nil : exemption)
        return facts
    }
}
