import FlywheelAutomation
import FlywheelCore
import FlywheelFlows
import FlywheelServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("FlowService: triggers from ingest and the sweep, through the API")
struct FlowServiceTests {
    typealias S = FlowTestSupport

    /// Serves the router with `flows` over `store` at `now`.
    private func serve(
        _ store: any FlywheelStore, flows: FlowService, now: Date,
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        try await S.makeKeys(store, now: now)
        let router = try FlywheelServer.buildRouter(
            store: store, configuration: ServerConfiguration(), settings: .defaults, flows: flows, now: { now })
        try await Application(router: router).test(.router, body)
    }

    @Test("posting an order enters the order confirmation; a second delivery of it enters nothing", arguments: S.Engine.allCases)
    func orderConfirmation(engine: S.Engine) async throws {
        try await engine.with { store in
            let effects = RecordingFlowEffects()
            let flows = S.service(try S.examplesLibrary(), store: store, effects: effects)
            let now = S.berlin(2026, 11, 18, 12)
            try await serve(store, flows: flows, now: now) { client in
                #expect(try await client.send(.post, "/api/v1/customers", json: FlowBodies.customer("c_en")).status == .created)
                let order = FlowBodies.order("o_1", customer: "c_en", placedAt: now.addingTimeInterval(-600))
                #expect(try await client.send(.post, "/api/v1/orders", json: order).status == .created)

                let message = try #require(effects.messages.first)
                #expect(effects.messages.count == 1)
                #expect(message.template == "order_confirmation" && message.flowID == "order_confirmation")
                #expect(message.locale == .en && message.customerID == "c_en" && message.channel == .email)
                #expect(message.subject == "Thank you for your order" && message.messageClass == .transactional)

                // The same order again (a retried request, a re-delivered webhook): nothing enters, nothing is sent.
                #expect(try await client.send(.post, "/api/v1/orders", json: order).status == .ok)
                #expect(effects.messages.count == 1)
                let rows = try await store.enrolments(customerID: "c_en")
                #expect(rows.map(\.flowID) == ["order_confirmation"])
                #expect(rows.first?.entryKey == "order_confirmation/c_en/order_placed/o_1")

                // The timeline through the API says what was sent.
                let timeline = try await client.send(.get, "/api/v1/customers/c_en/timeline")
                #expect(timeline.status == .ok)
                let items = try #require(timeline.object["items"] as? [[String: Any]])
                #expect(items.compactMap { $0["kind"] as? String } == ["exited", "sent", "entered"])
                #expect(items[1]["message_id"] as? String == message.idempotencyKey)
                #expect(items[1]["step_id"] as? String == "send_confirmation")
                #expect(items.allSatisfy { $0["flow_id"] as? String == "order_confirmation" })
            }
        }
    }

    @Test("old orders (an import of history) trigger nothing")
    func historyTriggersNothing() async throws {
        let store = InMemoryStore()
        let effects = RecordingFlowEffects()
        let flows = S.service(try S.examplesLibrary(), store: store, effects: effects)
        let now = S.berlin(2026, 11, 18, 12)
        try await serve(store, flows: flows, now: now) { client in
            _ = try await client.send(.post, "/api/v1/customers", json: FlowBodies.customer("c_old"))
            let order = FlowBodies.order("o_old", customer: "c_old", placedAt: now.addingTimeInterval(-5 * 86_400))
            #expect(try await client.send(.post, "/api/v1/orders", json: order).status == .created)
            #expect(effects.messages.isEmpty)
            #expect(try await store.enrolments(customerID: "c_old").isEmpty)
        }
    }

    @Test("an order by a customer in a win-back enrolment ends it (goal)", arguments: S.Engine.allCases)
    func orderEndsWinBack(engine: S.Engine) async throws {
        try await engine.with { store in
            let effects = RecordingFlowEffects()
            let library = try S.examplesLibrary()
            let customer = try S.treatedCustomer(of: "win_back", in: library, prefix: "lapsing")
            let flows = S.service(library, store: store, effects: effects, lapseWindowDays: 30)
            let now = S.berlin(2026, 11, 18, 12)
            try await serve(store, flows: flows, now: now) { client in
                _ = try await client.send(.post, "/api/v1/customers", json: FlowBodies.customer(customer, locale: "de"))
                // The last order 31 days ago: the 30-day window ran out a day ago, within the sweep's catch-up.
                let old = FlowBodies.order("o_old", customer: customer, placedAt: now.addingTimeInterval(-31 * 86_400))
                #expect(try await client.send(.post, "/api/v1/orders", json: old).status == .created)
                let sweep = try await flows.sweep(now: now)
                #expect(sweep.entered == 1 && sweep.failed == 0)
                let row = try #require(try await store.enrolments(customerID: customer).first)
                #expect(row.flowID == "win_back" && row.status == .active)
                #expect(row.entryKey.hasPrefix("win_back/\(customer)/lapsed/"))

                // The customer orders again: the goal ends the win-back before its first message.
                let again = FlowBodies.order("o_new", customer: customer, placedAt: now.addingTimeInterval(600))
                #expect(try await client.send(.post, "/api/v1/orders", json: again).status == .created)
                let ended = try #require(try await store.enrolment(id: row.id))
                #expect(ended.status == .finished)
                let timeline = try await store.timeline(customerID: customer, before: nil, limit: 50).entries
                #expect(timeline.contains { $0.kind == .goalReached && $0.flowID == "win_back" })
                #expect(effects.messages(template: "win_back_reminder").isEmpty)
                #expect(effects.messages.map(\.template) == ["order_confirmation"])
                // A scheduler round later nothing of the win-back is due any more.
                #expect(try await flows.scheduler.runDue(now: now.addingTimeInterval(86_400)).sent == 0)
            }
        }
    }

    @Test("the sweep enters a birthday and a first-order anniversary once across two sweeps", arguments: S.Engine.allCases)
    func birthdayAndAnniversaryOnce(engine: S.Engine) async throws {
        try await engine.with { store in
            let effects = RecordingFlowEffects()
            let flows = S.service(try S.examplesLibrary(), store: store, effects: effects)
            let now = S.berlin(2026, 11, 18, 12)
            try await serve(store, flows: flows, now: now) { client in
                _ = try await client.send(
                    .post, "/api/v1/customers", json: FlowBodies.customer("c_bday", birthday: "1990-11-18"))
                _ = try await client.send(.post, "/api/v1/customers", json: FlowBodies.customer("c_other", birthday: "1990-06-01"))
                let first = FlowBodies.order("o_2025", customer: "c_bday", placedAt: S.berlin(2025, 11, 18, 9))
                #expect(try await client.send(.post, "/api/v1/orders", json: first).status == .created)

                let sweep = try await flows.sweep(now: now)
                #expect(sweep.customers == 2 && sweep.entered == 2 && sweep.failed == 0)
                let flowsEntered = try await store.enrolments(customerID: "c_bday").map(\.flowID).sorted()
                #expect(flowsEntered == ["birthday", "first_order_anniversary"])
                #expect(try await store.enrolments(customerID: "c_other").isEmpty)

                let again = try await flows.sweep(now: now.addingTimeInterval(3_600))
                // Found again, entered again nowhere: the flows' re-entry rules (once in 300 days) refuse them, and
                // their keys (`birthday/2026`, `first_order_anniversary/1`) would.
                #expect(again.events == 2 && again.entered == 0 && again.refused == 2 && again.failed == 0)
                #expect(try await store.enrolments(customerID: "c_bday").count == 2)
            }
        }
    }

    @Test("the sweep enters an ingest event that was missed (recovery)")
    func sweepCatchesUpMissedEvents() async throws {
        let store = InMemoryStore()
        let effects = RecordingFlowEffects()
        let now = S.berlin(2026, 11, 18, 12)
        // The order is stored without the flows seeing it (as if the server died right after the batch).
        _ = try await store.ingest(
            IngestBatch(
                customers: [Customer(externalID: "c_missed", email: "m@example.com", locale: .de)],
                orders: [
                    Order(
                        externalID: "o_missed", customerExternalID: "c_missed", placedAt: now.addingTimeInterval(-3_600),
                        currency: .eur, lineItems: [LineItem(sku: "TEA", quantity: 1, totalMinor: 990)], subtotalMinor: 990,
                        totalMinor: 990)
                ]))
        let flows = S.service(try S.examplesLibrary(), store: store, effects: effects)
        let sweep = try await flows.sweep(now: now)
        #expect(sweep.entered == 1)
        #expect(effects.messages.map(\.template) == ["order_confirmation"])
        #expect(effects.messages.first?.locale == .de)
        let again = try await flows.sweep(now: now.addingTimeInterval(60))
        #expect(again.entered == 0 && again.duplicates == 1 && effects.messages.count == 1)
    }

    @Test("the timeline route pages with its cursor and answers 404 for an unknown customer")
    func timelinePaging() async throws {
        let store = InMemoryStore()
        let effects = RecordingFlowEffects()
        let flows = S.service(try S.examplesLibrary(), store: store, effects: effects)
        let now = S.berlin(2026, 11, 18, 12)
        try await serve(store, flows: flows, now: now) { client in
            _ = try await client.send(.post, "/api/v1/customers", json: FlowBodies.customer("c_pages"))
            for index in 1...3 {
                let order = FlowBodies.order("o_\(index)", customer: "c_pages", placedAt: now.addingTimeInterval(Double(-index * 60)))
                #expect(try await client.send(.post, "/api/v1/orders", json: order).status == .created)
            }
            var seen: [String] = []
            var cursor: String?
            repeat {
                let query = cursor.map { "&cursor=\($0)" } ?? ""
                let page = try await client.send(.get, "/api/v1/customers/c_pages/timeline?limit=4\(query)")
                #expect(page.status == .ok)
                let items = try #require(page.object["items"] as? [[String: Any]])
                #expect(items.count <= 4)
                seen += items.compactMap { "\($0["enrolment_id"] ?? "")/\($0["kind"] ?? "")" }
                cursor = page.object["next_cursor"] as? String
            } while cursor != nil
            // Three enrolments, each entered, sent and exited; every entry once across the pages.
            #expect(seen.count == 9 && Set(seen).count == 9)
            #expect(try await client.send(.get, "/api/v1/customers/nobody/timeline").status == .notFound)
            #expect(try await client.send(.get, "/api/v1/customers/c_pages/timeline?cursor=bm9wZQ").status == .badRequest)
            #expect(try await client.send(.get, "/api/v1/customers/c_pages/timeline", key: nil).status == .unauthorized)
        }
    }
}
