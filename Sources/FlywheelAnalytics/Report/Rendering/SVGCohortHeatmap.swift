import Foundation

/// The cohort retention matrix as an inline SVG heatmap: one row per cohort, one column per month since
/// the first purchase, each cell shaded by the share of the cohort buying that month (darker = more) and
/// labelled with it; a tooltip per cell. Drawn here, no script.
public struct SVGCohortHeatmap {
    var id: String
    var title: String
    var rows: [ReportCohortRow]
    /// A share as the cell shows it (`45`) and as its tooltip says it (`45.2 %`).
    var cellText: (Double) -> String
    var tooltip: (Double) -> String

    /// A heatmap of `rows`; `id` must be unique on the page.
    public init(
        id: String, title: String, rows: [ReportCohortRow], cellText: @escaping (Double) -> String,
        tooltip: @escaping (Double) -> String
    ) {
        self.id = id
        self.title = title
        self.rows = rows
        self.cellText = cellText
        self.tooltip = tooltip
    }

    private static let cell = 30.0
    private static let rowHeight = 20.0
    private static let left = 70.0
    private static let top = 22.0

    /// The `<svg>` element.
    public func render() -> String {
        let months = rows.map(\.retention.count).max() ?? 0
        let width = Self.left + Double(months) * Self.cell + 4
        let height = Self.top + Double(rows.count) * Self.rowHeight + 4
        var svg =
            "<svg class=\"heatmap\" id=\"\(id)\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\""
            + " aria-labelledby=\"\(id)-title\" style=\"max-width:\(Int(width * 1.4))px\">"
            + "<title id=\"\(id)-title\">\(HTMLText.escape(title))</title>"
        for m in 0..<months {
            let x = Self.left + Double(m) * Self.cell + Self.cell / 2
            svg += "<text class=\"axis\" x=\"\(f(x))\" y=\"14\" text-anchor=\"middle\">M\(m)</text>"
        }
        for (r, row) in rows.enumerated() {
            let y = Self.top + Double(r) * Self.rowHeight
            svg += "<text class=\"axis\" x=\"\(f(Self.left - 6))\" y=\"\(f(y + 14))\" text-anchor=\"end\">"
            svg += HTMLText.escape(row.cohort) + "</text>"
            for (m, share) in row.retention.enumerated() {
                let x = Self.left + Double(m) * Self.cell
                let opacity = 0.06 + 0.94 * min(1, max(0, share)).squareRoot()
                let label = "\(row.cohort) M\(m): \(tooltip(share)) (\(row.activeCustomers[m]) / \(row.customers))"
                svg += "<g><title>\(HTMLText.escape(label))</title>"
                svg += "<rect x=\"\(f(x + 1))\" y=\"\(f(y + 1))\" width=\"\(f(Self.cell - 2))\""
                svg += " height=\"\(f(Self.rowHeight - 2))\" fill=\"#1d4ed8\" fill-opacity=\"\(String(format: "%.3f", opacity))\"/>"
                svg += "<text class=\"\(opacity > 0.55 ? "cell light" : "cell")\" x=\"\(f(x + Self.cell / 2))\""
                svg += " y=\"\(f(y + 14))\" text-anchor=\"middle\">\(HTMLText.escape(cellText(share)))</text></g>"
            }
        }
        return svg + "</svg>"
    }

    private func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
