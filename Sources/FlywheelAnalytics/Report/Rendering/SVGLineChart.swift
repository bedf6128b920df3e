import Foundation

/// A small line chart as inline SVG, drawn here (no script, no library): one series over months, gaps
/// where a value is missing, a point per value with its figure as a tooltip, the lowest, middle and highest
/// value on the axis and the first and last month below. Accessible: `role="img"` with a title.
public struct SVGLineChart {
    var id: String
    var title: String
    var values: [Double?]
    var labels: [String]
    /// How a value is written on the axis and in tooltips.
    var format: (Double) -> String
    /// What the chart says when no value is present.
    var noData: String

    /// A chart of `values` (one per label, `nil` for a gap), titled `title`; `id` must be unique on the page.
    public init(
        id: String, title: String, values: [Double?], labels: [String], format: @escaping (Double) -> String,
        noData: String
    ) {
        self.id = id
        self.title = title
        self.values = values
        self.labels = labels
        self.format = format
        self.noData = noData
    }

    static let width = 320.0
    static let height = 180.0
    private static let left = 56.0
    private static let right = 12.0
    private static let top = 14.0
    private static let bottom = 30.0

    /// The `<svg>` element.
    public func render() -> String {
        let w = Self.width
        let h = Self.height
        var svg =
            "<svg class=\"chart\" id=\"\(id)\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" role=\"img\" aria-labelledby=\"\(id)-title\">"
            + "<title id=\"\(id)-title\">\(HTMLText.escape(title))</title>"
        let present = values.compactMap { $0 }.filter(\.isFinite)
        guard let low = present.min(), let high = present.max() else {
            svg += "<text x=\"\(Int(w / 2))\" y=\"\(Int(h / 2))\" text-anchor=\"middle\" class=\"muted\">"
            svg += HTMLText.escape(noData) + "</text></svg>"
            return svg
        }
        var lo = min(0, low)
        var hi = max(0, high)
        if hi - lo < 1e-12 {
            lo -= 1
            hi += 1
        }
        let plotWidth = w - Self.left - Self.right
        let plotHeight = h - Self.top - Self.bottom
        func x(_ i: Int) -> Double {
            values.count <= 1 ? Self.left + plotWidth / 2 : Self.left + plotWidth * Double(i) / Double(values.count - 1)
        }
        func y(_ v: Double) -> Double { Self.top + plotHeight * (1 - (v - lo) / (hi - lo)) }
        for tick in [lo, (lo + hi) / 2, hi] {
            let ty = y(tick)
            svg += "<line class=\"grid\" x1=\"\(f(Self.left))\" x2=\"\(f(w - Self.right))\" y1=\"\(f(ty))\" y2=\"\(f(ty))\"/>"
            svg += "<text class=\"axis\" x=\"\(f(Self.left - 4))\" y=\"\(f(ty + 3))\" text-anchor=\"end\">"
            svg += HTMLText.escape(format(tick)) + "</text>"
        }
        if lo < 0 && hi > 0 {
            svg += "<line class=\"zero\" x1=\"\(f(Self.left))\" x2=\"\(f(w - Self.right))\" y1=\"\(f(y(0)))\" y2=\"\(f(y(0)))\"/>"
        }
        var segment: [String] = []
        var paths: [String] = []
        for (i, value) in values.enumerated() {
            if let value, value.isFinite {
                segment.append("\(f(x(i))),\(f(y(value)))")
            } else if !segment.isEmpty {
                paths.append(segment.joined(separator: " "))
                segment = []
            }
        }
        if !segment.isEmpty { paths.append(segment.joined(separator: " ")) }
        for points in paths { svg += "<polyline class=\"line\" points=\"\(points)\"/>" }
        for (i, value) in values.enumerated() {
            guard let value, value.isFinite else { continue }
            let label = i < labels.count ? labels[i] : ""
            svg += "<circle class=\"point\" cx=\"\(f(x(i)))\" cy=\"\(f(y(value)))\" r=\"2.5\">"
            svg += "<title>\(HTMLText.escape(label)): \(HTMLText.escape(format(value)))</title></circle>"
        }
        if let first = labels.first, let last = labels.last {
            svg += "<text class=\"axis\" x=\"\(f(x(0)))\" y=\"\(f(h - 10))\" text-anchor=\"start\">\(HTMLText.escape(first))</text>"
            if labels.count > 1 {
                svg += "<text class=\"axis\" x=\"\(f(x(values.count - 1)))\" y=\"\(f(h - 10))\" text-anchor=\"end\">"
                svg += HTMLText.escape(last) + "</text>"
            }
        }
        return svg + "</svg>"
    }

    /// A coordinate with one decimal.
    private func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
