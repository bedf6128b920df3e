/// A series as a line of block characters `▁▂▃▄▅▆▇█`, lowest to highest; a missing value is a space.
public enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The sparkline of `values` (a flat series is drawn at mid height).
    public static func render(_ values: [Double?]) -> String {
        let present = values.compactMap { $0 }.filter(\.isFinite)
        guard let low = present.min(), let high = present.max() else {
            return String(repeating: " ", count: values.count)
        }
        return String(
            values.map { value -> Character in
                guard let value, value.isFinite else { return " " }
                guard high > low else { return blocks[3] }
                let step = Int(((value - low) / (high - low) * Double(blocks.count - 1)).rounded())
                return blocks[min(max(step, 0), blocks.count - 1)]
            })
    }
}
