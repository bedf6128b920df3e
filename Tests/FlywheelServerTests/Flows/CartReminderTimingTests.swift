import FlywheelAutomation
import FlywheelCore
import FlywheelServer
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// Abandoned-cart reminders on time in the whole application: `buildApplication` with the server's test clock
/// (`ServerClock` over a file, as `serve --clock-file`), the hourly sweep far away, the short cart check
/// (`cartIntervalSeconds`) sending the reminder soon after checkout time + the flow's hour.
@Suite("Abandoned carts on time: the short cart check under the server's test clock")
struct CartReminderTimingTests {
    typealias S = FlowTestSupport

    @Test("the reminder comes within seconds of the window's end, long before the next sweep; an order before it, or after it, stops the rest", arguments: S.Engine.allCases)
    func reminderOnTime(engine: S.Engine) async throws {
        try await engine.with { store in
            let folder = try S.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let clockFile = folder.appendingPathComponent("clock").path
            let start = S.berlin(2026, 11, 18, 12)
            try Self.set(clockFile, start)
            let clock = try ServerClock(testFile: clockFile, recheckInterval: .milliseconds(20))
            let library = try S.examplesLibrary()
            let anna = try S.treatedCustomer(of: "abandoned_cart", in: library, prefix: "anna")
            let ben = try S.treatedCustomer(of: "abandoned_cart", in: library, prefix: "ben")
            let effects = RecordingFlowEffects()
            try await S.makeKeys(store, now: start)
            var configuration = ServerConfiguration(flowIntervalSeconds: 3_600)
            configuration.cartIntervalSeconds = 1
            let app = try await FlywheelServer.buildApplication(
                store: store, configuration: configuration, logger: Logger(label: "flywheel.test"), flows: library,
                flowEffects: effects, now: { clock.now() })
            try await app.test(.router) { client in
                for id in [anna, ben] {
                    #expect(try await client.send(.post, "/api/v1/customers", json: FlowBodies.customer(id)).status == .created)
                }
                // Both carts last changed at 12:00; the flow waits an hour.
                for (token, customer) in [("tok-a", anna), ("tok-b", ben)] {
                    let body = AbandonedCartTests.checkout(token, customer: customer, created: start.addingTimeInterval(-600), updated: start)
                    #expect(try await client.send(.post, "/api/v1/checkouts", json: body).status == .created)
                }
                // Ben orders at 12:30: his cart is not abandoned.
                let order = FlowBodies.order("o-ben", customer: ben, placedAt: start.addingTimeInterval(1_800))
                try Self.set(clockFile, start.addingTimeInterval(1_801))
                #expect(try await client.send(.post, "/api/v1/orders", json: order).status == .created)
                // 12:59: nothing yet.
                try Self.set(clockFile, start.addingTimeInterval(3_540))
                try await Task.sleep(for: .milliseconds(2_500))
                #expect(effects.messages(template: "cart_reminder").isEmpty)
                // 13:01: anna's reminder within seconds (the next sweep would be at 13:00 real-time-hours away).
                try Self.set(clockFile, start.addingTimeInterval(3_660))
                let sent = try await S.eventually(15) { !effects.messages(template: "cart_reminder").isEmpty }
                #expect(sent, "the cart check sent no reminder")
                #expect(effects.messages(template: "cart_reminder").map(\.customerID) == [anna])
                // Anna orders: the goal ends the flow; a day later no second reminder.
                try Self.set(clockFile, start.addingTimeInterval(7_200))
                let recovered = FlowBodies.order("o-anna", customer: anna, placedAt: start.addingTimeInterval(7_100))
                #expect(try await client.send(.post, "/api/v1/orders", json: recovered).status == .created)
                let ended = try await S.eventually(10) {
                    try await store.enrolments(customerID: anna).first { $0.flowID == "abandoned_cart" }?.status == .finished
                }
                #expect(ended)
                try Self.set(clockFile, start.addingTimeInterval(2 * 86_400))
                try await Task.sleep(for: .milliseconds(2_500))
                #expect(effects.messages(template: "cart_reminder_offer").isEmpty)
                #expect(effects.messages(template: "cart_reminder").count == 1)
                #expect(try await store.enrolments(customerID: ben).allSatisfy { $0.flowID != "abandoned_cart" })
            }
        }
    }

    /// Writes the test clock's file as the end-to-end test does (aside, then renamed).
    static func set(_ path: String, _ instant: Date) throws {
        let aside = path + ".new"
        try Data(instant.formatted(.iso8601).utf8).write(to: URL(fileURLWithPath: aside))
        guard rename(aside, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}
