import FlywheelCore
import FlywheelFlows
import Foundation

/// A flow run for the server's measurement tests: `review_test` with a 50 % holdout, two treated customers
/// (one ordered three days after the message: 1,500 EUR cents) and two held out (none ordered).
enum FlowReportFixture {
    static let flowJSON = """
        {"id": "review_test", "name": "Review", "version": 1, "message_class": "marketing", "holdout_percent": 50,
         "trigger": {"event": "order_delivered"},
         "steps": [{"id": "mail", "send_email": {"template": "review_request",
            "subject": {"de": "Wie war es?", "en": "How was it?"}, "asks_for_feedback": true,
            "own_similar_goods": true}}]}
        """

    /// Stores the enrolments, the treated group's messages and the order; returns the message ids by customer.
    @discardableResult
    static func seed(_ store: InMemoryStore, at start: Date) async throws -> [String: String] {
        let program = try FlowProgram(try FlowDocument.parse(Data(flowJSON.utf8), name: "review_test").get())
        let facts = CustomerFacts(
            locale: .de, timeZone: TimeZone(identifier: "Europe/Berlin")!, orderCount: 1, totalSpentMinor: 5_000,
            contact: ContactFacts(hasEmail: true, emailConsent: .granted))
        let policy = ContactPolicy(shopTimeZone: TimeZone(identifier: "Europe/Berlin")!)
        var treated: [String] = []
        var held: [String] = []
        var index = 0
        while treated.count < 2 || held.count < 2 {
            let id = "m_\(index)"
            index += 1
            if StableAssignment.isHoldout(flowID: "review_test", customerID: id, basisPoints: 5_000) {
                if held.count < 2 { held.append(id) }
            } else if treated.count < 2 {
                treated.append(id)
            }
        }
        var rows: [StoredEnrolment] = []
        var messages: [String: String] = [:]
        for customer in treated + held {
            var enrolment = Enrolment(
                id: "enr_" + customer, program: program,
                entry: FlowEvent(customerID: customer, occurredAt: start, trigger: .orderDelivered(orderID: "d_" + customer)))
            for case .send(let message) in enrolment.advance(in: program, now: start, facts: facts, policy: policy) {
                let outbox = OutboxMessage(
                    id: "out_" + customer, idempotencyKey: message.idempotencyKey, customerID: customer, channel: .email,
                    messageClass: "marketing", recipient: customer + "@example.com",
                    content: OutboxContent(subject: "Wie war es?", text: "Hallo"), flowID: "review_test", stepID: "mail",
                    createdAt: start)
                _ = try await store.enqueue(outbox)
                messages[customer] = outbox.id
            }
            rows.append(
                StoredEnrolment(
                    id: enrolment.id, customerID: customer, flowID: "review_test", flowVersion: 1, entryKey: enrolment.id,
                    state: enrolment.snapshot(), dueAt: nil, status: .finished, createdAt: start, updatedAt: start))
        }
        _ = try await store.insertEnrolments(rows)
        _ = try await store.ingest(
            IngestBatch(orders: [
                Order(
                    externalID: "o_again", customerExternalID: treated[0], placedAt: start + 3 * 86_400, currency: .eur,
                    lineItems: [LineItem(sku: "TEA", title: "Tea", quantity: 1, totalMinor: 1_500)], subtotalMinor: 1_500,
                    totalMinor: 1_500)
            ]))
        return messages
    }
}
