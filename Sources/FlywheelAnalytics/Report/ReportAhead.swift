public import Foundation

/// What a report about to be made will need that the engine can start on before its own pass is done
/// (`AnalyticsEngine.init(table:options:observer:ahead:)`): the CLV models and every customer's gaps
/// between purchases depend on the table and its rows grouped by customer only, so they run on threads of
/// their own beside the engine's figures, and the snapshot as of `asOf` takes them instead of computing
/// them again. The report is the same either way (docs/performance.md, "Eighth round").
public struct ReportAhead: Sendable {
    /// The instant the report will be as of.
    public var asOf: Date
    /// The CLV section's options, when the report has one.
    public var clv: ReportCLVOptions?
    /// Whether the report has the gaps section over every customer.
    public var gaps: Bool

    public init(asOf: Date, clv: ReportCLVOptions?, gaps: Bool) {
        self.asOf = asOf
        self.clv = clv
        self.gaps = gaps
    }
}
