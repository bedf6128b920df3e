public import FlywheelCore
public import FlywheelFlows
public import Foundation

/// Flows' reports from the store: one `FlowMeasurementStore` query per flow, attributed by the pure
/// `FlowAttribution` (docs/flows.md, "Measurement"). Used by the API, the dashboard's Flows page and
/// `flywheel flows report`, so the three always agree.
public struct FlowReports: Sendable {
    public let store: any FlowMeasurementStore
    public let attribution: FlowAttribution

    public init(store: any FlowMeasurementStore, attribution: FlowAttribution) {
        self.store = store
        self.attribution = attribution
    }

    /// The engine's reports, or `nil` for an engine without measurement.
    public init?(store: any FlywheelStore, currency: CurrencyCode, window: TimeInterval = FlowAttribution.defaultWindow) {
        guard let measurement = store as? any FlowMeasurementStore else { return nil }
        self.init(store: measurement, attribution: FlowAttribution(currency: currency, window: window))
    }

    /// Every flow with enrolments, by id; enrolments that entered in `[since, until)`.
    public func all(since: Date? = nil, until: Date? = nil) async throws -> [FlowMeasurement] {
        var reports: [FlowMeasurement] = []
        for flow in try await store.measuredFlowIDs() {
            reports.append(try await report(flowID: flow, since: since, until: until))
        }
        return reports
    }

    /// One flow's report (zero counts for a flow nobody entered in the period).
    public func report(flowID: String, since: Date? = nil, until: Date? = nil) async throws -> FlowMeasurement {
        attribution.measure(
            flowID: flowID, try await store.flowMeasurementRecords(flowID: flowID, from: since, before: until))
    }

    /// Whether any customer ever entered the flow.
    public func isKnown(_ flowID: String) async throws -> Bool {
        try await store.measuredFlowIDs().contains(flowID)
    }
}
