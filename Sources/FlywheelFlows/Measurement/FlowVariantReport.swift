/// The report of one A/B variant of a flow.
public struct FlowVariantReport: Hashable, Sendable {
    public var variant: String
    public var report: FlowReport

    public init(variant: String, report: FlowReport) {
        self.variant = variant
        self.report = report
    }
}
