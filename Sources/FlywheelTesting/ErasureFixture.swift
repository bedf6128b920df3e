public import FlywheelCore
import Foundation
import Testing

/// A customer with something in every table a customer's data can reach — orders, feedback, consent,
/// suppression, and the flows' data: outbox messages with rendered bodies, their open and click events,
/// an enrolment, timeline entries, a tag, a support ticket and a coupon — and the loyalty ledger, an imported
/// member record and a stored API answer (`ErasureFixture+Loyalty.swift`), for the erasure checks. The
/// conformance check reads the engine back through the contract; the SQLite and PostgreSQL tests also scan
/// every text column of every table for `personalStrings` (so a table added later is covered too).
public enum ErasureFixture {
    public static let customerID = "cust-erika-1042"
    public static let email = "erika.mustermann@example.de"
    public static let firstName = "Erika"
    public static let lastName = "Mustermann"
    public static let pseudonym = "erased-0123456789abcdef"
    /// What must be in no row after the erasure (the id, the address, the names).
    public static let personalStrings = [customerID, email, firstName, lastName]

    /// Stores the customer, everything about them, and another customer who must stay untouched.
    public static func seed(_ store: any FlywheelStore) async throws {
        try await store.migrate()
        let customer = Customer(
            externalID: customerID, email: email, firstName: firstName, lastName: lastName,
            birthday: CivilDate(year: 1985, month: 2, day: 28), locale: .de,
            consent: MarketingConsent(email: .granted, updatedAt: StoreFixtures.date(day: 1)),
            createdAt: StoreFixtures.date(day: 0))
        var shipment = StoreFixtures.shipment("ship-e1", order: "ord-e1")
        shipment.trackingNumber = "JJD000390007"
        _ = try await store.ingest(
            IngestBatch(
                customers: [customer, StoreFixtures.fullCustomer("other")],
                orders: [
                    StoreFixtures.order("ord-e1", customer: customerID, day: 1),
                    StoreFixtures.order("ord-o1", customer: "other", day: 1),
                ],
                shipments: [shipment], surveyAnswers: [StoreFixtures.answer("ans-e1", customer: customerID, order: "ord-e1", day: 3)],
                reviews: [StoreFixtures.review("rev-e1", customer: customerID, order: "ord-e1", day: 4)]))
        _ = try await store.recordConsentChange(
            ConsentChange(
                customerExternalID: customerID, channel: .email, state: .granted, source: .api,
                changedAt: StoreFixtures.date(day: 1)),
            suppression: nil)
        let now = StoreFixtures.date(day: 5)
        // Ids as the server makes them: random (enrolments) or derived from keys, never from the customer's id.
        for (owner, tag) in [(customerID, "e1"), ("other", "o1")] {
            let enrolment = "enr-\(tag)"
            _ = try await store.insertEnrolments([
                StoredEnrolment(
                    id: enrolment, customerID: owner, flowID: "order_confirmation", flowVersion: 1,
                    entryKey: "order_confirmation/\(owner)/ord", state: Data("{\"customer\":\"\(owner)\"}".utf8),
                    dueAt: now + 3600, createdAt: now, updatedAt: now)
            ])
            try await store.appendTimeline([
                TimelineEntry(
                    key: "\(enrolment)#entered", customerID: owner, at: now, kind: .entered, flowID: "order_confirmation",
                    flowVersion: 1, enrolmentID: enrolment, detail: "entered for \(owner)")
            ])
            _ = try await store.addCustomerTag(CustomerTag(customerID: owner, tag: "vip", taggedAt: now, source: enrolment))
            _ = try await store.openSupportTicket(
                SupportTicket(
                    id: "tkt-\(tag)", key: "\(enrolment)/ticket/1", customerID: owner, topic: "make_it_right",
                    orderID: "ord-e1", flowID: "delivery_check_in", openedAt: now))
            _ = try await store.issueCoupon(
                IssuedCoupon(
                    code: owner == customerID ? "CODE-E1" : "CODE-O1", key: "\(enrolment)/coupon/1", customerID: owner,
                    percentOff: 10, issuedAt: now, expiresAt: now + 86_400 * 30, flowID: "win_back",
                    enrolmentID: enrolment))
            let outbox = try #require(store as? any OutboxStore)
            let address = owner == customerID ? email : "other@example.com"
            let message = OutboxMessage(
                id: "msg-\(tag)", idempotencyKey: "\(enrolment)/confirm/1", customerID: owner, channel: .email,
                messageClass: "transactional", recipient: address,
                content: OutboxContent(
                    subject: "Danke, \(owner == customerID ? firstName : "Jürgen")!",
                    text: "Hallo \(owner == customerID ? "\(firstName) \(lastName)" : "Jürgen"), \(address)",
                    html: "<p>Hallo \(owner == customerID ? firstName : "Jürgen")</p>",
                    headers: [OutboxHeader(name: "List-Unsubscribe", value: "<https://shop.example/c/u?c=\(owner)>")]),
                templateID: "order_confirmation", locale: "de", flowID: "order_confirmation", stepID: "confirm",
                createdAt: now)
            _ = try await outbox.enqueue(message)
            let measured = try #require(store as? any FlowMeasurementStore)
            _ = try await measured.recordMessageEvent(
                MessageEvent(messageID: message.id, kind: .click, at: now + 60, url: "https://shop.example/?ref=\(owner)"))
        }
        try await seedLoyalty(store)
    }

    /// Erases the customer as the server does (the address on the suppression list as `erased`).
    public static func erase(_ store: any FlywheelStore) async throws {
        try await store.eraseCustomer(
            CustomerErasure(
                customerExternalID: customerID, pseudonym: pseudonym,
                suppressions: [
                    SuppressionEntry(
                        channel: .email, addressHash: "digest-e1", address: nil, cause: .erased, source: .erasure,
                        suppressedAt: StoreFixtures.date(day: 6))
                ],
                erasedAt: StoreFixtures.date(day: 6)))
    }

    /// The personal strings found in `text` (case-insensitive), for a scan's report.
    public static func personalStrings(in text: String) -> [String] {
        personalStrings.filter { text.range(of: $0, options: .caseInsensitive) != nil }
    }
}
