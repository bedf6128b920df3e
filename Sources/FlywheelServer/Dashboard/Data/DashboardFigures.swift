public import FlywheelAnalytics
public import Foundation

/// What the overview, funnel and segments pages show, computed once per change of the data (and per
/// day): the retention report's headline, monthly series, cohorts, funnel and segments, and the insights
/// drawn from them. Pages read it; nothing here is recomputed per request.
public struct DashboardFigures: Sendable {
    /// The instant the figures are as of: now, or the end of the newest order's day when the newest order
    /// is more than `DashboardFigures.staleAfter` old (an imported history, the demo shop).
    public var asOf: Date
    /// Whether `asOf` is the newest order's day rather than now.
    public var asOfNewestOrder: Bool
    public var report: RetentionReport
    public var insights: [ReportInsight]
    /// Whether records stored since are already counted (false while they are being worked in).
    public var isCurrent = true

    /// How old the newest order may be before the figures are shown as of its day instead of now.
    public static let staleAfter: TimeInterval = 7 * 86_400
}
