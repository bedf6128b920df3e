import FlywheelAutomation
import FlywheelCore
import FlywheelFlows
import FlywheelServer
import FlywheelStore
import Foundation
import HummingbirdTesting
import Synchronization
import Testing

/// Stores, flows, clocks and effects shared by the flow suites of the server.
enum FlowTestSupport {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!

    /// A Berlin wall-clock instant.
    static func berlin(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0) -> Date {
        ShopCalendar(timeZone: berlin).instant(
            localDate: CivilDate(year: y, month: mo, day: d)!, secondsOfDay: h * 3600 + mi * 60)
    }

    /// An RFC 3339 text of `date`, for request bodies.
    static func text(_ date: Date) -> String { date.formatted(.iso8601) }

    /// The repository's `examples/flows` with every flow published (the seeds' library, as `serve --flows`
    /// switches it on).
    static func examplesLibrary() throws -> FlowLibrary {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples/flows")
        var library = FlowLibrary()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".json") {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            try library.publish(FlowProgram(try FlowDocument.parse(data, name: name).get()))
        }
        return library
    }

    /// A customer id outside the holdout group of `flowID` in `library` (its messages are sent).
    static func treatedCustomer(of flowID: String, in library: FlowLibrary, prefix: String) throws -> String {
        let program = try #require(library.current(flowID))
        for index in 0... {
            let id = "\(prefix)_\(index)"
            let probe = Enrolment(
                id: "probe", program: program,
                entry: FlowEvent(customerID: id, occurredAt: Date(timeIntervalSince1970: 0), trigger: .birthday))
            if !probe.holdout { return id }
        }
        fatalError("unreachable")
    }

    /// A `FlowService` over `store` with `library` and `effects` at the shop's defaults.
    static func service(
        _ library: FlowLibrary, store: any FlywheelStore, effects: any FlowEffects,
        lapseWindowDays: Double? = nil
    ) -> FlowService {
        let lapse: (@Sendable (Date) async -> Double?)? = lapseWindowDays.map { days in { @Sendable _ in days } }
        return FlowService(
            library: library, store: store, effects: effects, settings: .defaults,
            options: FlowServiceOptions(pollInterval: .milliseconds(20), lapseWindowDays: lapse), owner: "test")
    }

    enum Engine: String, Sendable, CustomStringConvertible, CaseIterable {
        case memory, sqlite
        var description: String { rawValue }

        /// Runs `body` on a fresh, migrated store of this engine.
        func with<T>(_ body: (any FlywheelStore) async throws -> T) async throws -> T {
            switch self {
            case .memory:
                return try await body(InMemoryStore())
            case .sqlite:
                let folder = try temporaryFolder()
                defer { try? FileManager.default.removeItem(at: folder) }
                let store = try SQLiteStore(path: folder.appendingPathComponent("shop.sqlite").path)
                try await store.migrate()
                let result = try await body(store)
                try store.close()
                return result
            }
        }
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flywheel-flows-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// API keys of `TestServer` in `store`.
    static func makeKeys(_ store: any FlywheelStore, now: Date) async throws {
        try await store.createAPIKey(
            APIKey(
                id: "key_ir", name: "key_ir", scopes: [.ingest, .read],
                secretHash: APIKeyIssuer.hash(secret: TestServer.ingestRead), createdAt: now))
    }

    /// Polls `condition` every 20 ms for up to `seconds`; true when it held.
    static func eventually(_ seconds: Double = 60, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return try await condition()
    }
}

/// Request bodies for the flow suites.
enum FlowBodies {
    static func customer(
        _ id: String, locale: String = "en", consent: String = "granted", birthday: String? = nil
    ) -> String {
        let birthday = birthday.map { #","birthday":"\#($0)""# } ?? ""
        return """
            {"id":"\(id)","email":"\(id)@example.com","first_name":"Alex","locale":"\(locale)",\
            "consent":{"email":"\(consent)","sms":"unknown"}\(birthday)}
            """
    }

    static func order(_ id: String, customer: String, placedAt: Date, total: Int = 4_990) -> String {
        """
        {"id":"\(id)","customer_id":"\(customer)","placed_at":"\(FlowTestSupport.text(placedAt))","currency":"EUR",\
        "financial_status":"paid",\
        "line_items":[{"sku":"TEA","title":"Sencha","quantity":1,"total_minor":\(total)}],\
        "subtotal_minor":\(total),"total_minor":\(total)}
        """
    }

    static func shipment(_ id: String, order: String, shippedAt: Date, deliveredAt: Date? = nil) -> String {
        let delivered = deliveredAt.map { #","delivered_at":"\#(FlowTestSupport.text($0))""# } ?? ""
        return #"{"id":"\#(id)","order_id":"\#(order)","shipped_at":"\#(FlowTestSupport.text(shippedAt))"\#(delivered)}"#
    }
}

/// Effects that record every batch the scheduler hands on.
final class RecordingFlowEffects: FlowEffects {
    private let batches = Mutex<[[EnrolmentEffects]]>([])

    func perform(_ batch: [EnrolmentEffects]) async throws {
        batches.withLock { $0.append(batch) }
    }

    var actions: [FlowAction] { batches.withLock { $0.flatMap { $0.flatMap(\.actions) } } }

    var messages: [OutgoingMessage] {
        actions.compactMap {
            if case .send(let message) = $0 { return message }
            return nil
        }
    }

    func messages(template: String) -> [OutgoingMessage] { messages.filter { $0.template == template } }
}

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    private let instant: Mutex<Date>

    init(_ start: Date) { instant = Mutex(start) }

    var now: Date { instant.withLock { $0 } }

    func set(_ date: Date) { instant.withLock { $0 = date } }
}
