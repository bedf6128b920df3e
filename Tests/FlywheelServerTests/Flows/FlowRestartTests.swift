import FlywheelAutomation
import FlywheelCore
import FlywheelFlows
import FlywheelServer
import FlywheelStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@Suite("Flows in the whole application: buildApplication, FlowJobs, a restart on the same SQLite file")
struct FlowRestartTests {
    typealias S = FlowTestSupport

    /// Builds the application as `flywheel serve` does (the seeds' library, `effects`, the manual clock) on the
    /// SQLite file at `path`, runs `body` while its services run, then shuts it down gracefully and closes the
    /// file.
    private func run(
        path: String, clock: ManualClock, effects: RecordingFlowEffects,
        _ body: @escaping @Sendable (any TestClientProtocol, any FlywheelStore) async throws -> Void
    ) async throws {
        let store = try SQLiteStore(path: path)
        try await store.migrate()
        let app = try await FlywheelServer.buildApplication(
            store: store, configuration: ServerConfiguration(flowIntervalSeconds: 3_600),
            logger: Logger(label: "flywheel.test"), flows: try S.examplesLibrary(), flowEffects: effects,
            now: { clock.now })
        try await app.test(.router) { client in try await body(client, store) }
        try store.close()
    }

    @Test("a pending wait step runs exactly once after a restart; a third start sends nothing more")
    func restartRunsPendingStepOnce() async throws {
        let folder = try S.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("shop.sqlite").path
        let effects = RecordingFlowEffects()
        let start = S.berlin(2026, 11, 18, 9)
        let clock = ManualClock(start)
        do {
            let store = try SQLiteStore(path: path)
            try await store.migrate()
            try await S.makeKeys(store, now: start)
            try store.close()
        }

        // First run: the order and its delivery arrive; the confirmation goes out, the check-in waits 2 days.
        try await run(path: path, clock: clock, effects: effects) { client, store in
            #expect(try await client.send(.post, "/api/v1/customers", json: FlowBodies.customer("c_1")).status == .created)
            let order = FlowBodies.order("o_1", customer: "c_1", placedAt: start.addingTimeInterval(-86_400))
            #expect(try await client.send(.post, "/api/v1/orders", json: order).status == .created)
            let shipment = FlowBodies.shipment(
                "s_1", order: "o_1", shippedAt: start.addingTimeInterval(-80_000), deliveredAt: start.addingTimeInterval(-600))
            #expect(try await client.send(.post, "/api/v1/shipments", json: shipment).status == .created)
            #expect(effects.messages.map(\.template) == ["order_confirmation"])
            let checkIn = try #require(try await store.enrolments(customerID: "c_1").first { $0.flowID == "delivery_check_in" })
            #expect(checkIn.status == .active && checkIn.dueAt == start.addingTimeInterval(2 * 86_400))
        }

        // Second run, two days later: the settle wait ends, the morning wait starts; at 10:00 the check-in is sent.
        clock.set(S.berlin(2026, 11, 20, 9, 30))
        try await run(path: path, clock: clock, effects: effects) { _, store in
            let waiting = try await S.eventually {
                try await store.enrolments(customerID: "c_1").first { $0.flowID == "delivery_check_in" }?.dueAt
                    == S.berlin(2026, 11, 20, 10)
            }
            #expect(waiting)
            #expect(effects.messages(template: "delivery_check_in").isEmpty)
            clock.set(S.berlin(2026, 11, 20, 10, 1))
            #expect(try await S.eventually { !effects.messages(template: "delivery_check_in").isEmpty })
            let message = try #require(effects.messages(template: "delivery_check_in").first)
            #expect(message.customerID == "c_1" && message.locale == .en && message.messageClass == .marketing)
        }
        #expect(effects.messages(template: "delivery_check_in").count == 1)

        // Third run: nothing is due (the check-in waits for an answer); nothing is sent again.
        clock.set(S.berlin(2026, 11, 20, 11))
        try await run(path: path, clock: clock, effects: effects) { _, store in
            try await Task.sleep(for: .milliseconds(300))
            let row = try #require(try await store.enrolments(customerID: "c_1").first { $0.flowID == "delivery_check_in" })
            #expect(row.status == .active && row.dueAt == S.berlin(2026, 11, 27, 10, 1))
        }
        #expect(effects.messages(template: "delivery_check_in").count == 1)
        #expect(effects.messages(template: "order_confirmation").count == 1)
        let store = try SQLiteStore(path: path)
        let sent = try await store.timeline(customerID: "c_1", before: nil, limit: 100).entries.filter {
            $0.kind == .sent && $0.flowID == "delivery_check_in"
        }
        #expect(sent.count == 1)
        try store.close()
    }
}
