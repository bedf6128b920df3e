import Foundation

/// Several series over the same x steps as inline SVG (cumulative LTV curves per cohort): one polyline
/// per series, shaded from light (oldest) to dark (newest), each labelled in its tooltip; the axis shows
/// the lowest, middle and highest value and the first and last step. No script.
public struct SVGMultiLineChart {
    /// One line: its name and its values by step (shorter series simply end earlier).
    public struct Series: Sendable {
        public var name: String
        public var values: [Double]

        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    var id: String
    var title: String
    var series: [Series]
    var stepLabel: (Int) -> String
    var format: (Double) -> String
    var noData: String

    private static let width = 640.0
    private static let height = 260.0
    private static let left = 64.0
    private static let right = 12.0
    private static let top = 14.0
    private static let bottom = 30.0

    /// A chart of `series`; `id` must be unique on the page.
    public init(
        id: String, title: String, series: [Series], stepLabel: @escaping (Int) -> String,
        format: @escaping (Double) -> String, noData: String
    ) {
        self.id = id
        self.title = title
        self.series = series
        self.stepLabel = stepLabel
        self.format = format
        self.noData = noData
    }

    /// The `<svg>` element.
    public func render() -> String {
        let w = Self.width
        let h = Self.height
        var svg =
            "<svg class=\"chart\" id=\"\(id)\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" role=\"img\" aria-labelledby=\"\(id)-title\">"
            + "<title id=\"\(id)-title\">\(HTMLText.escape(title))</title>"
        let steps = series.map(\.values.count).max() ?? 0
        let all = series.flatMap(\.values).filter(\.isFinite)
        guard steps > 0, let high = all.max() else {
            svg += "<text x=\"\(Int(w / 2))\" y=\"\(Int(h / 2))\" text-anchor=\"middle\" class=\"muted\">"
            return svg + HTMLText.escape(noData) + "</text></svg>"
        }
        let lo = min(0, all.min() ?? 0)
        let hi = high - lo < 1e-12 ? lo + 1 : high
        let plotWidth = w - Self.left - Self.right
        let plotHeight = h - Self.top - Self.bottom
        func x(_ i: Int) -> Double { steps <= 1 ? Self.left : Self.left + plotWidth * Double(i) / Double(steps - 1) }
        func y(_ v: Double) -> Double { Self.top + plotHeight * (1 - (v - lo) / (hi - lo)) }
        for tick in [lo, (lo + hi) / 2, hi] {
            svg += "<line class=\"grid\" x1=\"\(f(Self.left))\" x2=\"\(f(w - Self.right))\" y1=\"\(f(y(tick)))\" y2=\"\(f(y(tick)))\"/>"
            svg += "<text class=\"axis\" x=\"\(f(Self.left - 4))\" y=\"\(f(y(tick) + 3))\" text-anchor=\"end\">"
            svg += HTMLText.escape(format(tick)) + "</text>"
        }
        for (n, line) in series.enumerated() {
            let points = line.values.enumerated().filter { $0.element.isFinite }
                .map { "\(f(x($0.offset))),\(f(y($0.element)))" }.joined(separator: " ")
            guard !points.isEmpty else { continue }
            let shade = series.count <= 1 ? 1.0 : 0.25 + 0.75 * Double(n) / Double(series.count - 1)
            let last = line.values.last.map(format) ?? ""
            svg += "<polyline class=\"line series\" stroke-opacity=\"\(String(format: "%.2f", shade))\" points=\"\(points)\">"
            svg += "<title>\(HTMLText.escape(line.name)): \(HTMLText.escape(last))</title></polyline>"
        }
        svg += "<text class=\"axis\" x=\"\(f(x(0)))\" y=\"\(f(h - 10))\" text-anchor=\"start\">\(HTMLText.escape(stepLabel(0)))</text>"
        if steps > 1 {
            svg += "<text class=\"axis\" x=\"\(f(x(steps - 1)))\" y=\"\(f(h - 10))\" text-anchor=\"end\">"
            svg += HTMLText.escape(stepLabel(steps - 1)) + "</text>"
        }
        return svg + "</svg>"
    }

    private func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
