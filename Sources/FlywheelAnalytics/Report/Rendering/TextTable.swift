/// A plain-text table: a header row and data rows, columns padded to their widest cell (counted in
/// characters), separated by two spaces; the first column left-aligned, the others right-aligned unless
/// told otherwise.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    /// Columns aligned left (by index); the first by default.
    var leftAligned: Set<Int> = [0]
    /// Spaces before every line.
    var indent = 2

    init(_ header: [String], leftAligned: Set<Int> = [0]) {
        self.header = header
        self.leftAligned = leftAligned
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    /// The lines: header, a rule of `─`, the rows.
    func lines() -> [String] {
        var widths = header.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        let margin = String(repeating: " ", count: indent)
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, width) in widths.enumerated() {
                let cell = i < cells.count ? cells[i] : ""
                let padding = String(repeating: " ", count: max(0, width - cell.count))
                parts.append(leftAligned.contains(i) ? cell + padding : padding + cell)
            }
            return margin + trimmedRight(parts.joined(separator: "  "))
        }
        let rule = margin + String(repeating: "─", count: widths.reduce(0, +) + 2 * max(0, widths.count - 1))
        return [line(header), rule] + rows.map(line)
    }

    private func trimmedRight(_ text: String) -> String {
        var text = Substring(text)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
