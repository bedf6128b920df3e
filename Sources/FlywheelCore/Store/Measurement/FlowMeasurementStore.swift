public import Foundation

/// Flow measurement's part of the store (docs/flows.md, "Measurement"): the opens and clicks the tracking
/// links report, and the one query a flow's report needs. Every engine (in-memory, SQLite, PostgreSQL)
/// implements it and passes the measurement checks of the store conformance suite.
///
/// Rules every engine keeps:
/// - One row per (message, kind): the first event is kept (`first`), a repeat only counts (`repeated`).
/// - An event for a message the outbox does not hold stores nothing (`unknownMessage`).
/// - `flowMeasurementRecords` reads only the flow's rows: its enrolments created in `[from, before)`, its
///   outbox messages created since `from`, and those customers' orders placed since the earliest entry.
public protocol FlowMeasurementStore: Sendable {
    /// Records an open or a click of an outbox message.
    func recordMessageEvent(_ event: MessageEvent) async throws -> MessageEventOutcome
    /// How often a message was opened or clicked (repeats included); 0 when never.
    func messageEventCount(messageID: String, kind: MessageEvent.Kind) async throws -> Int
    /// The records of one flow's report for enrolments that entered in `[from, before)` (`nil`: unbounded).
    func flowMeasurementRecords(flowID: String, from: Date?, before: Date?) async throws -> FlowMeasurementRecords
    /// Every flow with at least one enrolment, in byte order.
    func measuredFlowIDs() async throws -> [String]
}
