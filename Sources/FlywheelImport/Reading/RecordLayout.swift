/// How a file's lines split into fields.
public enum RecordLayout: Sendable {
    /// RFC 4180: separator-delimited, double quotes around fields that contain separators, quotes or newlines.
    case delimited(separator: UInt8)
    /// Columns separated by runs of spaces or tabs (the CDNOW files).
    case whitespace

    public static let csv = RecordLayout.delimited(separator: UInt8(ascii: ","))
}
