public import Foundation

/// The report as one JSON object: snake_case keys in sorted order (stable for diffs and scripts), money as
/// integer minor units (`…_minor`) of the top-level `currency`, rates as fractions, the instant in ISO 8601,
/// missing figures as `null`. Language-independent: keys and values are the same for every locale.
public enum JSONReportRenderer {
    /// Foundation's encoder set to write what `render` writes (`render` uses `ReportJSONEncoder`, which
    /// writes the same bytes without `JSONEncoder`'s dynamic casts; tests hold the two to each other).
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// A decoder for what `render` writes.
    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// The JSON text, ending with a newline. Throws only if a figure is not finite (which the report's
    /// builders rule out).
    public static func render(_ report: RetentionReport) throws -> String {
        String(decoding: try ReportJSONEncoder().encode(report), as: UTF8.self) + "\n"
    }
}
