/// Text for one field of a CSV file (RFC 4180): every writer of CSV output (reports, exports, error
/// reports, CLV predictions) quotes and defuses through these two, so they all agree.
public enum CSVField {
    /// The field, quoted when it holds a comma, a quote or a line break (quotes doubled inside).
    public static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Text a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR), made inert
    /// with a leading `'` (CSV injection).
    public static func defused(_ text: String) -> String {
        guard let first = text.first, "=+-@\t\r".contains(first) else { return text }
        return "'" + text
    }
}
