import FlywheelCore
import Foundation
import Testing

extension StoreConformance {
    static func consentHistoryAndCurrentState(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        _ = try await store.ingest(IngestBatch(customers: [Customer(externalID: "c1", email: "anna@example.com")]))
        let requested = OptInProof(requestedAt: StoreFixtures.date(day: 1), requestSource: "checkout", requestIP: "203.0.113.7")
        let pending = ConsentChange(
            customerExternalID: "c1", channel: .email, state: .pending, source: .api, changedAt: StoreFixtures.date(day: 1),
            proof: requested)
        #expect(
            try await store.recordConsentChange(pending, suppression: nil)
                == .applied(MarketingConsent(email: .pending, sms: .unknown, updatedAt: StoreFixtures.date(day: 1))))
        var confirmedProof = requested
        confirmedProof.confirmedAt = StoreFixtures.date(day: 2, second: 5)
        confirmedProof.confirmation = "confirmation-link"
        let granted = ConsentChange(
            customerExternalID: "c1", channel: .email, state: .granted, source: .doubleOptInConfirmation,
            changedAt: StoreFixtures.date(day: 2, second: 5), proof: confirmedProof)
        _ = try await store.recordConsentChange(granted, suppression: nil)
        let sms = ConsentChange(
            customerExternalID: "c1", channel: .sms, state: .granted, source: .preferencePage,
            changedAt: StoreFixtures.date(day: 3))
        _ = try await store.recordConsentChange(sms, suppression: nil)
        #expect(
            try await store.customer(externalID: "c1")?.consent
                == MarketingConsent(email: .granted, sms: .granted, updatedAt: StoreFixtures.date(day: 3)))

        // An older change (reported late) joins the history at its time but does not change the current state.
        let late = ConsentChange(
            customerExternalID: "c1", channel: .email, state: .revoked, source: .import, changedAt: StoreFixtures.date(day: 2))
        #expect(
            try await store.recordConsentChange(late, suppression: nil)
                == .superseded(MarketingConsent(email: .granted, sms: .granted, updatedAt: StoreFixtures.date(day: 3))))
        #expect(try await store.consentHistory(customerExternalID: "c1") == [pending, late, granted, sms])
        #expect(try await store.consentHistory(customerExternalID: "c1")[2].proof == confirmedProof)
        #expect(try await store.consentHistory(customerExternalID: "nobody").isEmpty)

        // Two changes at the same instant keep the order they were recorded in.
        let revoke = ConsentChange(
            customerExternalID: "c1", channel: .sms, state: .revoked, source: .oneClick, changedAt: StoreFixtures.date(day: 3))
        _ = try await store.recordConsentChange(revoke, suppression: nil)
        #expect(try await store.consentHistory(customerExternalID: "c1").suffix(2) == [sms, revoke])
        #expect(try await store.customer(externalID: "c1")?.consent?.sms == .revoked)

        // The cached consent still merges with imports as before.
        _ = try await store.ingest(IngestBatch(customers: [Customer(externalID: "c1", firstName: "Anna")]))
        #expect(try await store.customer(externalID: "c1")?.consent?.email == .granted)

        // An unknown customer stores nothing.
        let stranger = ConsentChange(
            customerExternalID: "zz", channel: .email, state: .granted, source: .api, changedAt: StoreFixtures.date(day: 1))
        await #expect(throws: ConsentStoreError.unknownCustomer("zz")) {
            try await store.recordConsentChange(stranger, suppression: .add(Self.entry("h-zz", "zz@example.com", .unsubscribed)))
        }
        #expect(try await store.suppressions().isEmpty)
    }

    static func suppressionKeepsStrongestCause(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let unsubscribed = entry("h1", " Anna@Example.com", .unsubscribed, day: 1)
        #expect(try await store.suppress(unsubscribed).address == "anna@example.com")
        let bounced = entry("h1", "anna@example.com", .hardBounce, day: 2)
        #expect(try await store.suppress(bounced) == bounced)
        // A weaker or equal cause later keeps the stronger one.
        #expect(try await store.suppress(entry("h1", "anna@example.com", .complained, day: 3)) == bounced)
        #expect(try await store.suppress(entry("h1", "anna@example.com", .erased, day: 4)) == bounced)
        #expect(try await store.suppression(channel: .email, addressHash: "h1") == bounced)
        #expect(try await store.suppression(channel: .sms, addressHash: "h1") == nil)
        let phone = SuppressionEntry(
            channel: .sms, addressHash: "h1", address: "+49 170 1234567", cause: .unsubscribed, source: .oneClick,
            suppressedAt: StoreFixtures.date(day: 1))
        try await store.suppress(phone)
        #expect(phone.address == "+491701234567")
        #expect(try await store.suppressions() == [bounced, phone])

        // Recorded with a consent change, in its transaction.
        _ = try await store.ingest(IngestBatch(customers: [Customer(externalID: "c2", email: "ben@example.com")]))
        let change = ConsentChange(
            customerExternalID: "c2", channel: .email, state: .revoked, source: .oneClick, changedAt: StoreFixtures.date(day: 5))
        _ = try await store.recordConsentChange(change, suppression: .add(entry("h2", "ben@example.com", .unsubscribed, day: 5)))
        #expect(try await store.suppression(channel: .email, addressHash: "h2")?.cause == .unsubscribed)

        // A confirmed opt-in lifts an unsubscribe, never a stronger cause, and a stale one nothing.
        let stale = ConsentChange(
            customerExternalID: "c2", channel: .email, state: .granted, source: .api, changedAt: StoreFixtures.date(day: 4))
        #expect(
            try await store.recordConsentChange(stale, suppression: .liftUnsubscribe(channel: .email, addressHash: "h2"))
                == .superseded(MarketingConsent(email: .revoked, sms: .unknown, updatedAt: StoreFixtures.date(day: 5))))
        #expect(try await store.suppression(channel: .email, addressHash: "h2")?.cause == .unsubscribed)
        let optIn = ConsentChange(
            customerExternalID: "c2", channel: .email, state: .granted, source: .doubleOptInConfirmation,
            changedAt: StoreFixtures.date(day: 6))
        _ = try await store.recordConsentChange(optIn, suppression: .liftUnsubscribe(channel: .email, addressHash: "h2"))
        #expect(try await store.suppression(channel: .email, addressHash: "h2") == nil)
        _ = try await store.recordConsentChange(optIn, suppression: .liftUnsubscribe(channel: .email, addressHash: "h1"))
        #expect(try await store.suppression(channel: .email, addressHash: "h1") == bounced)
    }

    static func erasureRemovesPersonalData(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        let customer = StoreFixtures.fullCustomer("c1")
        var shipment = StoreFixtures.shipment("s1", order: "o1")
        shipment.trackingNumber = "JJD000390007"
        _ = try await store.ingest(
            IngestBatch(
                customers: [customer, StoreFixtures.fullCustomer("c2")],
                orders: [StoreFixtures.order("o1", customer: "c1", day: 1), StoreFixtures.order("o2", customer: "c2", day: 1)],
                refunds: [StoreFixtures.refund("r1", order: "o1", day: 2, amount: 100)], shipments: [shipment],
                returns: [StoreFixtures.returnRequest("ret1", order: "o1")],
                surveyAnswers: [StoreFixtures.answer("a1", customer: "c1", order: "o1", day: 3)],
                reviews: [StoreFixtures.review("rv1", customer: "c1", order: "o1", day: 4)]))
        _ = try await store.recordConsentChange(
            ConsentChange(
                customerExternalID: "c1", channel: .email, state: .granted, source: .api,
                changedAt: StoreFixtures.date(day: 5), proof: OptInProof(requestIP: "203.0.113.7")),
            suppression: nil)
        try await store.suppress(entry("h-c1", "c1@example.com", .unsubscribed, day: 5))
        let erased = entry("h-c1", nil, .erased, day: 6)
        try await store.eraseCustomer(
            CustomerErasure(customerExternalID: "c1", pseudonym: "erased-1", suppressions: [erased], erasedAt: StoreFixtures.date(day: 6)))

        #expect(try await store.customer(externalID: "c1") == nil)
        #expect(try await store.customer(externalID: "erased-1") == Customer(externalID: "erased-1", createdAt: customer.createdAt))
        // Orders, amounts and scores stay for the books, under the pseudonym.
        let orders = try await store.orders(customerExternalID: "erased-1")
        #expect(orders.map(\.externalID) == ["o1"])
        #expect(orders.first?.totalMinor == 1_000)
        #expect(try await store.refunds(orderExternalID: "o1").map(\.amountMinor) == [100])
        #expect(try await store.shipments(orderExternalID: "o1").first?.trackingNumber == nil)
        #expect(try await store.shipments(orderExternalID: "o1").first?.carrier == "DHL")
        #expect(try await store.returns(orderExternalID: "o1").first?.reason == nil)
        let answers = try await store.surveyAnswers(customerExternalID: "erased-1")
        #expect(answers.map(\.score) == [9] && answers.first?.comment == nil)
        let reviews = try await store.reviews(customerExternalID: "erased-1")
        #expect(reviews.map(\.rating) == [5] && reviews.first?.title == nil && reviews.first?.body == nil)
        #expect(try await store.consentHistory(customerExternalID: "erased-1").isEmpty)
        #expect(try await store.consentHistory(customerExternalID: "c1").isEmpty)
        // The address is kept only as its digest, now as `erased`.
        #expect(try await store.suppressions() == [erased])
        // The other customer is untouched.
        #expect(try await store.customer(externalID: "c2") == StoreFixtures.fullCustomer("c2"))
        #expect(try await store.reviews(customerExternalID: "c2").isEmpty)

        await #expect(throws: ConsentStoreError.unknownCustomer("c1")) {
            try await store.eraseCustomer(
                CustomerErasure(customerExternalID: "c1", pseudonym: "erased-2", suppressions: [], erasedAt: StoreFixtures.date(day: 7)))
        }
        await #expect(throws: ConsentStoreError.pseudonymTaken("erased-1")) {
            try await store.eraseCustomer(
                CustomerErasure(customerExternalID: "c2", pseudonym: "erased-1", suppressions: [], erasedAt: StoreFixtures.date(day: 7)))
        }
        #expect(try await store.customer(externalID: "c2") != nil)
    }

    static func erasureCoversFlowData(_ store: any FlywheelStore) async throws {
        try await ErasureFixture.seed(store)
        try await ErasureFixture.erase(store)
        let id = ErasureFixture.customerID
        let pseudonym = ErasureFixture.pseudonym
        let outbox = try #require(store as? any OutboxStore)
        let measured = try #require(store as? any FlowMeasurementStore)
        #expect(try await outbox.outboxMessages(customerID: id).isEmpty)
        #expect(try await outbox.outboxMessages(customerID: pseudonym).isEmpty)
        #expect(try await outbox.outboxMessage(id: "msg-e1") == nil)
        #expect(try await measured.messageEventCount(messageID: "msg-e1", kind: .click) == 0)
        #expect(try await store.enrolments(customerID: id).isEmpty)
        #expect(try await store.enrolment(id: "enr-e1") == nil)
        #expect(try await store.timeline(customerID: id, before: nil, limit: 10).entries.isEmpty)
        #expect(try await store.customerTags(customerID: id).isEmpty)
        #expect(try await store.supportTickets(customerID: id).isEmpty)
        #expect(try await store.supportTickets(customerID: pseudonym).map(\.id) == ["tkt-e1"])
        #expect(try await store.issuedCoupons(customerID: id).isEmpty)
        let coupons = try await store.issuedCoupons(customerID: pseudonym)
        #expect(coupons.map(\.code) == ["CODE-E1"] && coupons.first?.percentOff == 10)
        // A replayed entry may enter again: the key is free (the person is gone; the pseudonym has no events).
        #expect(try await outbox.storedOutboxKeys(["enr-e1/confirm/1"]).isEmpty)

        // The other customer keeps everything.
        #expect(try await outbox.outboxMessages(customerID: "other").map(\.id) == ["msg-o1"])
        #expect(try await measured.messageEventCount(messageID: "msg-o1", kind: .click) == 1)
        #expect(try await store.enrolments(customerID: "other").count == 1)
        #expect(try await store.timeline(customerID: "other", before: nil, limit: 10).entries.count == 1)
        #expect(try await store.customerTags(customerID: "other").map(\.tag) == ["vip"])
        #expect(try await store.supportTickets(customerID: "other").count == 1)
        #expect(try await store.issuedCoupons(customerID: "other").count == 1)
    }

    static func batchContactLookups(_ store: any FlywheelStore) async throws {
        let store = try await migrated(store)
        _ = try await store.ingest(
            IngestBatch(customers: [
                Customer(externalID: "c2", email: "b@example.com", consent: MarketingConsent(email: .revoked)),
                Customer(externalID: "c1", email: "a@example.com", firstName: "Anna"),
            ]))
        try await store.suppress(entry("h-1", "a@example.com", .unsubscribed))
        try await store.suppress(entry("h-2", nil, .hardBounce))
        try await store.suppress(
            SuppressionEntry(
                channel: .sms, addressHash: "h-3", address: nil, cause: .objected, source: .admin,
                suppressedAt: StoreFixtures.date(day: 1)))

        let found = try await store.suppressions(channel: .email, addressHashes: ["h-2", "h-9", "h-1", "h-3", "h-1"])
        #expect(found.map(\.addressHash) == ["h-1", "h-2"])
        #expect(found.map(\.cause) == [.unsubscribed, .hardBounce])
        #expect(try await store.suppressions(channel: .sms, addressHashes: ["h-3"]).map(\.cause) == [.objected])
        #expect(try await store.suppressions(channel: .email, addressHashes: []).isEmpty)

        let customers = try await store.customers(externalIDs: ["c2", "nobody", "c1", "c2"])
        #expect(customers.map(\.externalID) == ["c1", "c2"])
        #expect(customers.first?.firstName == "Anna" && customers.last?.consent?.email == .revoked)
        #expect(try await store.customers(externalIDs: []).isEmpty)
    }

    static func entry(_ hash: String, _ address: String?, _ cause: SuppressionCause, day: Int = 1) -> SuppressionEntry {
        SuppressionEntry(
            channel: .email, addressHash: hash, address: address, cause: cause, source: .admin,
            suppressedAt: StoreFixtures.date(day: day))
    }
}
