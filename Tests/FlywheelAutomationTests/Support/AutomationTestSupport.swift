import FlywheelAutomation
import FlywheelCore
import FlywheelFlows
import FlywheelStore
import Foundation
import Synchronization

/// Flows, facts, clocks and engines shared by the scheduler's suites.
enum AutomationTestSupport {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!

    /// A Berlin wall-clock instant.
    static func berlin(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0) -> Date {
        ShopCalendar(timeZone: berlin).instant(
            localDate: CivilDate(year: y, month: mo, day: d)!, secondsOfDay: h * 3600 + mi * 60)
    }

    /// The repository's `examples/flows` folder.
    static var examplesFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples/flows")
    }

    /// The library with these flows of `examples/flows` published.
    static func library(_ names: [String]) throws -> FlowLibrary {
        var library = FlowLibrary()
        for name in names {
            let data = try Data(contentsOf: examplesFolder.appendingPathComponent("\(name).json"))
            try library.publish(FlowProgram(try FlowDocument.parse(data, name: name).get()))
        }
        return library
    }

    /// A flow from JSON text.
    static func program(_ json: String) throws -> FlowProgram {
        try FlowProgram(try FlowDocument.parse(Data(json.utf8), name: "test").get())
    }

    /// No caps, quiet hours or smart sending: consent and suppression only.
    static let permissive = ContactPolicy(shopTimeZone: berlin)

    /// A German customer who confirmed marketing e-mail.
    static let consenting = CustomerFacts(
        locale: .de, timeZone: berlin, orderCount: 1, totalSpentMinor: 5_000,
        contact: ContactFacts(hasEmail: true, emailConsent: .granted))

    /// A customer id outside the holdout group of `flow` (so its messages are sent).
    static func treatedCustomer(of program: FlowProgram, prefix: String = "c") -> String {
        for index in 0... {
            let id = "\(prefix)_\(index)"
            let probe = Enrolment(
                id: "probe", program: program,
                entry: FlowEvent(customerID: id, occurredAt: Date(timeIntervalSince1970: 0), trigger: .birthday))
            if !probe.holdout { return id }
        }
        fatalError("unreachable")
    }

    static func scheduler(
        _ library: FlowLibrary, store: any FlowScheduleStore, effects: any FlowEffects, owner: String = "test",
        facts: any CustomerFactsProvider = FixedFacts(consenting), policy: ContactPolicy = permissive,
        batchSize: Int = 100, lease: TimeInterval = 120, maxAttempts: Int = 8
    ) -> FlowScheduler {
        FlowScheduler(
            library: library, store: store, facts: facts, effects: effects, policy: policy,
            configuration: SchedulerConfiguration(
                owner: owner, batchSize: batchSize, lease: lease, pollInterval: .milliseconds(5),
                retryDelay: 60, maxAttempts: maxAttempts))
    }

    /// Runs `body` on a fresh, migrated store of each engine this target tests against.
    static func engines() -> [Engine] { [.memory, .sqlite] }

    enum Engine: String, Sendable, CustomStringConvertible {
        case memory, sqlite
        var description: String { rawValue }

        func with<T>(_ body: (any FlywheelStore) async throws -> T) async throws -> T {
            switch self {
            case .memory:
                let store = InMemoryStore()
                return try await body(store)
            case .sqlite:
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "flywheel-automation-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: folder) }
                let store = try SQLiteStore(path: folder.appendingPathComponent("shop.sqlite").path)
                try await store.migrate()
                let result = try await body(store)
                try store.close()
                return result
            }
        }
    }
}

/// The same facts for every customer.
struct FixedFacts: CustomerFactsProvider {
    let facts: CustomerFacts
    init(_ facts: CustomerFacts) { self.facts = facts }

    func facts(for customerIDs: Set<String>, now: Date) async throws -> [String: CustomerFacts] {
        Dictionary(uniqueKeysWithValues: customerIDs.map { ($0, facts) })
    }
}

/// Effects that record every batch; can be told to fail.
final class RecordingEffects: FlowEffects {
    private let state = Mutex<(batches: [[EnrolmentEffects]], failing: Bool)>(([], false))

    func perform(_ batch: [EnrolmentEffects]) async throws {
        try state.withLock {
            if $0.failing { throw RecordingEffectsError.failing }
            $0.batches.append(batch)
        }
    }

    func fail(_ failing: Bool) { state.withLock { $0.failing = failing } }

    var actions: [FlowAction] { state.withLock { $0.batches.flatMap { $0.flatMap(\.actions) } } }

    var messages: [OutgoingMessage] {
        actions.compactMap {
            if case .send(let message) = $0 { return message }
            return nil
        }
    }
}

enum RecordingEffectsError: Error { case failing }
