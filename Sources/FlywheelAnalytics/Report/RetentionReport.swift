public import Foundation

/// The retention report: headline figures, the monthly series, cohorts, funnel, segments, time between
/// purchases and (when asked) predictive CLV, for one set of customers as of an instant — a plain value
/// that the renderers turn into text, JSON, CSV or HTML (`ReportFormat`). Built by
/// `AnalyticsSnapshot.retentionReport(_:clv:)`.
///
/// Sections not asked for are `nil`. Money is integer minor units of `currency` (`…Minor` fields); rates
/// are fractions 0…1; NPS −100…100, CSAT 0…100; a figure without data is `nil`, never 0.
public struct RetentionReport: Hashable, Codable, Sendable {
    /// The shop's name and time zone (IANA id), which decides days and months.
    public var shopName: String
    public var timeZone: String
    /// The shop's currency (ISO 4217) and the digits of its minor unit (2: cents).
    public var currency: String
    public var minorUnitDigits: Int
    /// The instant the figures are as of, and its local day `YYYY-MM-DD`.
    public var asOf: Date
    public var asOfDay: String
    /// The first and last month of the series, `YYYY-MM`.
    public var fromMonth: String
    public var throughMonth: String
    /// Which customers the figures are over.
    public var segment: CustomerFilter
    /// How many customers that is (all known customers when the segment is everyone).
    public var segmentCustomers: Int
    /// Records left out of every figure (other currencies, guest orders …).
    public var excluded: ExcludedRecords

    public var headline: ReportHeadline?
    public var monthly: [ReportMonth]?
    /// Cohorts acquired in the report's months, oldest first.
    public var cohorts: [ReportCohortRow]?
    public var funnel: ReportFunnel?
    public var segments: ReportSegments?
    public var gaps: ReportGaps?
    public var clv: ReportCLV?
    /// Why the CLV section is missing although it was asked for (a model could not be fitted).
    public var clvUnavailable: String?
}

extension RetentionReport {
    /// Encodes every key, a missing figure as `null`, so the JSON report's keys are the same whatever the
    /// data.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(shopName, forKey: .shopName)
        try container.encode(timeZone, forKey: .timeZone)
        try container.encode(currency, forKey: .currency)
        try container.encode(minorUnitDigits, forKey: .minorUnitDigits)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(asOfDay, forKey: .asOfDay)
        try container.encode(fromMonth, forKey: .fromMonth)
        try container.encode(throughMonth, forKey: .throughMonth)
        try container.encode(segment, forKey: .segment)
        try container.encode(segmentCustomers, forKey: .segmentCustomers)
        try container.encode(excluded, forKey: .excluded)
        try container.encode(headline, forKey: .headline)
        try container.encode(monthly, forKey: .monthly)
        try container.encode(cohorts, forKey: .cohorts)
        try container.encode(funnel, forKey: .funnel)
        try container.encode(segments, forKey: .segments)
        try container.encode(gaps, forKey: .gaps)
        try container.encode(clv, forKey: .clv)
        try container.encode(clvUnavailable, forKey: .clvUnavailable)
    }
}
