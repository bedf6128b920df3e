public import Foundation

/// Monthly acquisition cohorts × months since first purchase, optionally split into groups, as of an
/// instant: the retention heatmap and the cumulative LTV curves.
public struct CohortTable: Hashable, Codable, Sendable {
    /// The shop's currency; every `…Minor` amount is in its minor units.
    public var currency: String
    public var asOf: Date
    public var split: CohortSplit
    public var segment: CustomerFilter
    /// Groups by customers (largest first, ties by name); one group when unsplit.
    public var groups: [CohortGroup]
}
