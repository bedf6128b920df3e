import FlywheelAnalytics
import FlywheelAutomation
import FlywheelCore
import FlywheelFlows
import FlywheelLoyalty
import FlywheelServer
import Foundation
import Synchronization

/// Shops, flows and services for the VIP, p(alive), tier and segment-send suites.
enum TriggerShop {
    /// A flow from JSON (checked as a flow file is).
    static func program(_ json: String) throws -> FlowProgram {
        try FlowProgram(try FlowDocument.parse(Data(json.utf8), name: "test.json").get())
    }

    static func library(_ programs: [FlowProgram]) throws -> FlowLibrary {
        var library = FlowLibrary()
        for program in programs { try library.publish(program) }
        return library
    }

    /// A flow on `trigger` (with `filters`, a JSON array) that tags the customer and ends.
    static func tagging(_ id: String, trigger: String, filters: String = "[]", reentry: String = "once_ever") throws -> FlowProgram {
        try program(
            """
            {"id": "\(id)", "name": "\(id)", "version": 1, "message_class": "marketing",
             "trigger": {"event": "\(trigger)", "filters": \(filters)}, "reentry": {"rule": "\(reentry)"},
             "steps": [{"id": "tag", "tag_customer": {"tag": "\(id)"}}]}
            """)
    }

    /// A service over `store` with the shop's defaults; `analytics` counts how often the shop was analysed.
    static func service(
        _ library: FlowLibrary, store: any FlywheelStore, effects: any FlowEffects = NoFlowEffects(),
        tierMoves: (any TierMoveSource)? = nil, analytics: AnalyticsCounter? = nil
    ) -> FlowService {
        FlowService(
            library: library, store: store, effects: effects, settings: .defaults,
            options: FlowServiceOptions(
                pollInterval: .milliseconds(20), analytics: analytics.map { counter in { @Sendable now in await counter.snapshot(now) } },
                tierMoves: tierMoves, segmentPageSize: 3),
            owner: "test")
    }

    /// An order of `customer` worth `total` minor units at `at`.
    static func order(_ id: String, _ customer: String, at: Date, total: Int64 = 2_000) -> Order {
        Order(
            externalID: id, customerExternalID: customer, placedAt: at, currency: .eur,
            lineItems: [LineItem(sku: "TEA", quantity: 1, totalMinor: total)], subtotalMinor: total, totalMinor: total)
    }

    static func customer(_ id: String, consent: ConsentState = .granted) -> Customer {
        Customer(externalID: id, email: "\(id)@example.com", locale: .en, consent: MarketingConsent(email: consent))
    }

    /// The flows `customer` entered, by id.
    static func entered(_ store: any FlywheelStore, _ customer: String) async throws -> [String] {
        try await store.enrolments(customerID: customer).map(\.flowID).sorted()
    }
}

/// Effects that do nothing (the suites look at the enrolment rows and the sends the runner decided).
struct NoFlowEffects: FlowEffects {
    func perform(_ batch: [EnrolmentEffects]) async throws {}
}

/// Effects that keep the messages the runner hands on.
final class KeptMessages: FlowEffects {
    private let kept = Mutex<[OutgoingMessage]>([])

    func perform(_ batch: [EnrolmentEffects]) async throws {
        let sends = batch.flatMap(\.actions).compactMap { action -> OutgoingMessage? in
            if case .send(let message) = action { return message }
            return nil
        }
        kept.withLock { $0 += sends }
    }

    var messages: [OutgoingMessage] { kept.withLock { $0 } }
}

/// The shop's analytics read from the store, counting the reads (the sweep must not analyse when no flow needs it).
final class AnalyticsCounter: Sendable {
    let store: any FlywheelStore
    private let reads = Mutex(0)

    init(store: any FlywheelStore) { self.store = store }

    var count: Int { reads.withLock { $0 } }

    func snapshot(_ now: Date) async -> AnalyticsSnapshot? {
        reads.withLock { $0 += 1 }
        var table = OrderTable(settings: .defaults)
        do { try await store.readHistory { table.add($0) } } catch { return nil }
        return AnalyticsEngine(table: table).snapshot(asOf: now)
    }
}
