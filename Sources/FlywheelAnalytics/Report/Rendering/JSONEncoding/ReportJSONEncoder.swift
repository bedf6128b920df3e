import Foundation

/// Encodes a value as the JSON report is written: byte for byte what Foundation's `JSONEncoder` writes with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, `.convertToSnakeCase` keys and `.iso8601`
/// dates (`JSONReportRenderer.encoder`; tests hold the two to the same bytes), but without the dynamic
/// casts `JSONEncoder` makes of every value it meets (`as? Date`, `as? Data`, `as?` its dictionary marker
/// …): each cast of a type not seen before scans every protocol conformance the binary holds, which made
/// `JSONEncoder` 7 ms of a 60 ms CDNOW report (docs/performance.md, "Tenth round"). Dates, data, URLs and
/// decimals are recognised by their type; everything else encodes itself through `Encodable`.
///
/// Not for dictionaries: `JSONEncoder` leaves a dictionary's keys as they are, this encoder would convert
/// them like property names. The report has none (a test compares every report form with `JSONEncoder`).
public struct ReportJSONEncoder: Sendable {
    public init() {}

    /// The JSON text's UTF-8 bytes (without a final newline). Throws `EncodingError.invalidValue` for a
    /// non-finite number, as `JSONEncoder` does.
    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = ReportJSONValueEncoder(keys: SnakeCaseKeys(), parent: nil, key: nil)
        try encoder.encodeValue(value)
        guard let top = encoder.value else {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
        }
        var output: [UInt8] = []
        output.reserveCapacity(1 << 16)
        top.write(to: &output)
        return output
    }
}
