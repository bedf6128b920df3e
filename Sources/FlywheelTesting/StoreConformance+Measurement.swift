import FlywheelCore
import Foundation
import Testing

/// Flow measurement's rules (`FlowMeasurementStore`), checked on every engine with the rest of the contract.
extension StoreConformance {
    static let measurementChecks: [StoreCheck] = [
        StoreCheck("measurement: the first open and click count, repeats only count up, unknown ids store nothing",
            messageEventsOnce),
        StoreCheck("measurement: a flow's enrolments in the period, its messages and its customers' orders",
            flowMeasurementRecordsOfOneFlow),
    ]

    /// The engine as a measurement store; every engine of the package is one.
    static func measurement(_ store: any FlywheelStore) async throws -> any FlowMeasurementStore & OutboxStore {
        let store = try await migrated(store)
        return try #require(
            store as? any FlowMeasurementStore & OutboxStore, "the engine does not implement FlowMeasurementStore")
    }

    static func messageEventsOnce(_ store: any FlywheelStore) async throws {
        let measurement = try await measurement(store)
        _ = try await measurement.enqueue(outboxMessage("m1", key: "enr_1/mail/2"))
        let first = StoreFixtures.date(day: 2)
        let open = MessageEvent(messageID: "m1", kind: .open, at: first)
        #expect(try await measurement.recordMessageEvent(open) == .first)
        #expect(try await measurement.recordMessageEvent(MessageEvent(messageID: "m1", kind: .open, at: first - 60)) == .repeated)
        #expect(try await measurement.recordMessageEvent(MessageEvent(messageID: "m1", kind: .open, at: first + 60)) == .repeated)
        #expect(try await measurement.messageEventCount(messageID: "m1", kind: .open) == 3)
        #expect(try await measurement.messageEventCount(messageID: "m1", kind: .click) == 0)
        let click = MessageEvent(messageID: "m1", kind: .click, at: first + 120, url: "https://shop.example/p?a=1&b=2")
        #expect(try await measurement.recordMessageEvent(click) == .first)
        #expect(try await measurement.recordMessageEvent(MessageEvent(messageID: "nope", kind: .open, at: first)) == .unknownMessage)
        #expect(try await measurement.messageEventCount(messageID: "nope", kind: .open) == 0)

        let records = try await measurement.flowMeasurementRecords(flowID: "post_purchase", from: nil, before: nil)
        #expect(
            records.messages == [
                TrackedMessage(
                    id: "m1", idempotencyKey: "enr_1/mail/2", customerID: "c1", status: .queued,
                    createdAt: StoreFixtures.date(day: 1), openedAt: first, clickedAt: first + 120)
            ])
        #expect(records.messages.first?.enrolmentID == "enr_1")
    }

    static func flowMeasurementRecordsOfOneFlow(_ store: any FlywheelStore) async throws {
        let measurement = try await measurement(store)
        func row(_ id: String, customer: String, flow: String = "post_purchase", day: Int) -> StoredEnrolment {
            StoredEnrolment(
                id: id, customerID: customer, flowID: flow, flowVersion: 1, entryKey: "\(flow)/\(customer)/\(id)",
                state: Data([UInt8(day)]), dueAt: nil, status: .finished, createdAt: StoreFixtures.date(day: day),
                updatedAt: StoreFixtures.date(day: day))
        }
        let early = row("enr_0", customer: "c0", day: 1)
        let inPeriodA = row("enr_a", customer: "c1", day: 5)
        let inPeriodB = row("enr_b", customer: "c2", day: 6)
        let late = row("enr_z", customer: "c3", day: 20)
        let otherFlow = row("enr_w", customer: "c4", flow: "win_back", day: 5)
        _ = try await store.insertEnrolments([early, inPeriodA, inPeriodB, late, otherFlow])
        _ = try await store.ingest(
            IngestBatch(orders: [
                StoreFixtures.order("o_before", customer: "c1", day: 4),
                StoreFixtures.order("o_1", customer: "c1", day: 7, total: 2_500),
                StoreFixtures.order("o_2", customer: "c1", day: 6, total: 1_200, cancelled: true),
                StoreFixtures.order("o_3", customer: "c2", day: 30, total: 900, currency: StoreFixtures.jpy),
                StoreFixtures.order("o_4", customer: "c3", day: 21),
                StoreFixtures.order("o_5", customer: "c4", day: 6),
            ]))
        _ = try await measurement.enqueue(outboxMessage("m_a", key: "enr_a/mail/2", customer: "c1", createdAt: StoreFixtures.date(day: 5)))
        _ = try await measurement.enqueue(outboxMessage("m_0", key: "enr_0/mail/2", customer: "c0", createdAt: StoreFixtures.date(day: 1)))
        var winBack = outboxMessage("m_w", key: "enr_w/mail/2", customer: "c4", createdAt: StoreFixtures.date(day: 5))
        winBack.flowID = "win_back"
        _ = try await measurement.enqueue(winBack)

        let records = try await measurement.flowMeasurementRecords(
            flowID: "post_purchase", from: StoreFixtures.date(day: 5), before: StoreFixtures.date(day: 20))
        #expect(records.enrolments == [inPeriodA, inPeriodB])
        #expect(records.messages.map(\.id) == ["m_a"])
        #expect(
            records.orders == [
                AttributableOrder(
                    externalID: "o_2", customerID: "c1", placedAt: StoreFixtures.date(day: 6),
                    total: Money(minorUnits: 1_200, currency: .eur), cancelled: true),
                AttributableOrder(
                    externalID: "o_1", customerID: "c1", placedAt: StoreFixtures.date(day: 7),
                    total: Money(minorUnits: 2_500, currency: .eur)),
                AttributableOrder(
                    externalID: "o_3", customerID: "c2", placedAt: StoreFixtures.date(day: 30),
                    total: Money(minorUnits: 900, currency: StoreFixtures.jpy)),
            ])
        let all = try await measurement.flowMeasurementRecords(flowID: "post_purchase", from: nil, before: nil)
        #expect(all.enrolments.map(\.id) == ["enr_0", "enr_a", "enr_b", "enr_z"])
        #expect(all.messages.map(\.id) == ["m_0", "m_a"])
        #expect(all.orders.map(\.externalID) == ["o_before", "o_2", "o_1", "o_3", "o_4"])
        let none = try await measurement.flowMeasurementRecords(flowID: "birthday", from: nil, before: nil)
        #expect(none == FlowMeasurementRecords(enrolments: [], messages: [], orders: []))
        #expect(try await measurement.measuredFlowIDs() == ["post_purchase", "win_back"])
    }
}
