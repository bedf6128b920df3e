import Foundation

/// Horizontal bars as inline SVG (the funnel): one labelled bar per item, its length the value's share of
/// the largest, the figure written beside it. Accessible: `role="img"` with a title; a tooltip per bar.
public struct SVGBarChart {
    /// One bar: its label, value and the text written beside it.
    public struct Bar: Sendable {
        public var label: String
        public var value: Double
        public var text: String

        public init(label: String, value: Double, text: String) {
            self.label = label
            self.value = value
            self.text = text
        }
    }

    var id: String
    var title: String
    var bars: [Bar]

    private static let width = 640.0
    private static let labelWidth = 190.0
    private static let textWidth = 150.0
    private static let row = 30.0

    /// A chart of `bars`, top to bottom; `id` must be unique on the page.
    public init(id: String, title: String, bars: [Bar]) {
        self.id = id
        self.title = title
        self.bars = bars
    }

    /// The `<svg>` element.
    public func render() -> String {
        let height = Double(bars.count) * Self.row + 6
        var svg =
            "<svg class=\"bars\" id=\"\(id)\" viewBox=\"0 0 \(Int(Self.width)) \(Int(height))\" role=\"img\""
            + " aria-labelledby=\"\(id)-title\"><title id=\"\(id)-title\">\(HTMLText.escape(title))</title>"
        let largest = max(bars.map(\.value).max() ?? 0, 1e-12)
        let track = Self.width - Self.labelWidth - Self.textWidth
        for (i, bar) in bars.enumerated() {
            let y = Double(i) * Self.row + 4
            let length = max(0, bar.value) / largest * track
            svg += "<g><title>\(HTMLText.escape(bar.label)): \(HTMLText.escape(bar.text))</title>"
            svg += "<text class=\"label\" x=\"0\" y=\"\(f(y + 16))\">\(HTMLText.escape(bar.label))</text>"
            svg += "<rect class=\"track\" x=\"\(f(Self.labelWidth))\" y=\"\(f(y + 4))\" width=\"\(f(track))\" height=\"16\" rx=\"3\"/>"
            svg += "<rect class=\"bar\" x=\"\(f(Self.labelWidth))\" y=\"\(f(y + 4))\" width=\"\(f(length))\" height=\"16\" rx=\"3\"/>"
            svg += "<text class=\"figure\" x=\"\(f(Self.width))\" y=\"\(f(y + 16))\" text-anchor=\"end\">"
            svg += HTMLText.escape(bar.text) + "</text></g>"
        }
        return svg + "</svg>"
    }

    private func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
