/// A flow's measured report: the whole flow, each A/B variant, and how many stored enrolments could not be
/// read (an unknown snapshot version; they are left out, never guessed).
public struct FlowMeasurement: Hashable, Sendable {
    public var flowID: String
    public var report: FlowReport
    /// One report per variant, by name. Each compares the variant's treated customers with the holdout
    /// customers the same split assigned to it: the same sub-population (those who reached the split).
    public var variants: [FlowVariantReport]
    public var unreadable: Int

    public init(flowID: String, report: FlowReport, variants: [FlowVariantReport] = [], unreadable: Int = 0) {
        self.flowID = flowID
        self.report = report
        self.variants = variants
        self.unreadable = unreadable
    }
}
