import Foundation
import OpenAPIRuntime

/// Dates in the API: RFC 3339 date-times with or without fractional seconds on the way in (shops send both);
/// on the way out whole seconds when the instant has none, else milliseconds (what the store keeps).
struct RFC3339DateTranscoder: DateTranscoder {
    private static let whole = Date.ISO8601FormatStyle()
    private static let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    func encode(_ date: Date) throws -> String {
        date.timeIntervalSince1970.rounded() == date.timeIntervalSince1970
            ? date.formatted(Self.whole) : date.formatted(Self.fractional)
    }

    func decode(_ text: String) throws -> Date {
        if let date = try? Self.whole.parse(text) { return date }
        if let date = try? Self.fractional.parse(text) { return date }
        throw DecodingError.dataCorrupted(
            .init(codingPath: [], debugDescription: "Expected an RFC 3339 date-time, e.g. 2026-11-01T10:00:00Z."))
    }
}
