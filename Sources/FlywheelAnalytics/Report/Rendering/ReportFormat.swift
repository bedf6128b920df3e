public import FlywheelCore

/// The forms a retention report is rendered in.
public enum ReportFormat: String, CaseIterable, Hashable, Sendable {
    /// Aligned text for a terminal, at most 100 columns.
    case text
    /// One JSON object, snake_case keys sorted, money in minor units.
    case json
    /// One CSV table in long form (`section,group,item,metric,value,unit`).
    case csv
    /// One self-contained HTML page with inline CSS and SVG charts.
    case html

    /// `report` in this format; text and HTML in `locale` (JSON and CSV are language-independent).
    public func render(_ report: RetentionReport, locale: ShopLocale) throws -> String {
        switch self {
        case .text: TextReportRenderer(report, locale: locale).render()
        case .json: try JSONReportRenderer.render(report)
        case .csv: CSVReportRenderer.render(report)
        case .html: HTMLReportRenderer(report, locale: locale).render()
        }
    }
}
