import FlywheelCore
import FlywheelFlows
import FlywheelStore
import Foundation
import Testing

/// A flow's report end to end on a hand-built shop stored in an engine: enrolments run by the real runner
/// (their snapshots stored), the treated group's messages in the outbox, opens and clicks recorded, orders
/// ingested; then the store's records → `FlowAttribution`. Treated 3 of 10 converted, holdout 1 of 10.
@Suite("Flow report from the store")
struct FlowReportStoreTests {
    static let flowJSON = """
        {"id": "review_test", "name": "Review", "version": 1, "message_class": "marketing", "holdout_percent": 50,
         "trigger": {"event": "order_delivered"},
         "steps": [{"id": "mail", "send_email": {"template": "review_request",
            "subject": {"de": "Wie war es?", "en": "How was it?"}, "asks_for_feedback": true,
            "own_similar_goods": true}}]}
        """
    /// 2026-03-02T00:00:00Z.
    static let start = Date(timeIntervalSince1970: 1_772_409_600)
    static let day: TimeInterval = 86_400

    @Test("in memory")
    func inMemory() async throws {
        try await Self.check(InMemoryStore())
    }

    @Test("SQLite file")
    func sqlite() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fw-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(path: folder.appendingPathComponent("flywheel.sqlite").path)
        try await Self.check(store)
        try store.close()
    }

    static func check(_ store: some FlywheelStore & OutboxStore & FlowMeasurementStore) async throws {
        try await store.migrate()
        let program = try FlowProgram(try FlowDocument.parse(Data(flowJSON.utf8), name: "review_test").get())
        let facts = CustomerFacts(
            locale: .de, timeZone: TimeZone(identifier: "Europe/Berlin")!, orderCount: 1, totalSpentMinor: 5_000,
            contact: ContactFacts(hasEmail: true, emailConsent: .granted))
        let policy = ContactPolicy(shopTimeZone: TimeZone(identifier: "Europe/Berlin")!)
        // Ten customers in each group, chosen by the flow's own holdout hash.
        var treated: [String] = []
        var held: [String] = []
        var index = 0
        while treated.count < 10 || held.count < 10 {
            let id = "cust_\(index)"
            index += 1
            let holdout = StableAssignment.isHoldout(flowID: "review_test", customerID: id, basisPoints: 5_000)
            if holdout, held.count < 10 { held.append(id) } else if !holdout, treated.count < 10 { treated.append(id) }
        }
        var rows: [StoredEnrolment] = []
        var messageIDs: [String: String] = [:]
        for customer in treated + held {
            let id = "enr_" + customer
            var enrolment = Enrolment(
                id: id, program: program,
                entry: FlowEvent(customerID: customer, occurredAt: start, trigger: .orderDelivered(orderID: "d_" + customer)))
            let actions = enrolment.advance(in: program, now: start, facts: facts, policy: policy)
            for case .send(let message) in actions {
                let outbox = OutboxMessage(
                    id: "out_" + customer, idempotencyKey: message.idempotencyKey, customerID: customer, channel: .email,
                    messageClass: "marketing", recipient: customer + "@example.com",
                    content: OutboxContent(subject: "Wie war es?", text: "Hallo"), flowID: "review_test", stepID: "mail",
                    createdAt: start)
                _ = try await store.enqueue(outbox)
                messageIDs[customer] = outbox.id
            }
            rows.append(
                StoredEnrolment(
                    id: id, customerID: customer, flowID: "review_test", flowVersion: 1, entryKey: id,
                    state: enrolment.snapshot(), dueAt: enrolment.dueAt, status: .finished, createdAt: start,
                    updatedAt: start))
        }
        #expect(messageIDs.count == 10)
        _ = try await store.insertEnrolments(rows)

        // Eight of the treated messages were accepted by the server; two are still queued.
        let claimed = try await store.claimOutbox(owner: "w", limit: 8, now: start + 1, leaseUntil: start + 600)
        _ = try await store.recordOutboxOutcomes(
            claimed.map { OutboxOutcome(id: $0.id, attempt: $0.attempts, result: .sent(providerMessageID: nil)) }, owner: "w",
            now: start + 2)
        // Opens: one message opened three times counts once; a second opened; a third only clicked.
        for _ in 0..<3 {
            _ = try await store.recordMessageEvent(MessageEvent(messageID: messageIDs[treated[0]]!, kind: .open, at: start + 60))
        }
        _ = try await store.recordMessageEvent(MessageEvent(messageID: messageIDs[treated[1]]!, kind: .open, at: start + 60))
        _ = try await store.recordMessageEvent(
            MessageEvent(messageID: messageIDs[treated[2]]!, kind: .click, at: start + 90, url: "https://shop.example/"))

        func order(_ id: String, _ customer: String, days: Double, minor: Int64) -> Order {
            Order(
                externalID: id, customerExternalID: customer, placedAt: start + days * day, currency: .eur,
                lineItems: [LineItem(sku: "TEA", title: "Tea", quantity: 1, totalMinor: minor)], subtotalMinor: minor,
                totalMinor: minor)
        }
        _ = try await store.ingest(
            IngestBatch(orders: [
                order("o1", treated[0], days: 2, minor: 3_000),
                order("o2", treated[1], days: 6, minor: 2_000),
                order("o3", treated[2], days: 7, minor: 1_000),  // the window's last instant
                order("o4", treated[3], days: 8, minor: 9_999),  // after the window
                order("o5", held[0], days: 1, minor: 4_000),
                order("o6", held[1], days: -3, minor: 9_999),  // before entering
            ]))

        let records = try await store.flowMeasurementRecords(flowID: "review_test", from: start, before: start + day)
        let measured = FlowAttribution(currency: .eur).measure(flowID: "review_test", records)
        #expect(measured.unreadable == 0)
        #expect(
            measured.report.counts
                == FlowCounts(
                    currency: .eur, entered: 10, holdoutEntered: 10, sent: 10, delivered: 8, opened: 3, clicked: 1,
                    converted: 3, holdoutConverted: 1, revenueMinor: 6_000, holdoutRevenueMinor: 4_000))
        // By hand (docs/flows.md): 0.3 − 0.1 = 0.2; Newcombe's hybrid score interval −0.1598 … 0.5141.
        let lift = try #require(measured.report.incrementalRepeatRate)
        #expect(abs(lift.estimate - 0.2) < 1e-12)
        #expect(abs(lift.lower - -0.15979) < 5e-5)
        #expect(abs(lift.upper - 0.51415) < 5e-5)
        // (600 − 400 per customer) × 10 treated.
        #expect(measured.report.incrementalRevenue == Money(minorUnits: 2_000, currency: .eur))
        #expect(try await store.measuredFlowIDs() == ["review_test"])
    }
}
