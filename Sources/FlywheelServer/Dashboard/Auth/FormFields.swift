import Foundation
import Hummingbird

/// The fields of an `application/x-www-form-urlencoded` body (the dashboard's forms); the first value of
/// a repeated name wins.
struct FormFields {
    private var values: [String: String] = [:]

    subscript(_ name: String) -> String? { values[name] }

    /// Reads at most 16 KiB of `request`'s body.
    static func read(_ request: Request) async throws -> FormFields {
        var request = request
        let buffer = try await request.collectBody(upTo: 16 * 1024)
        return FormFields(parsing: String(buffer: buffer))
    }

    init(parsing body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String? {
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
            guard let name = parts.first.flatMap(decode), values[name] == nil else { continue }
            values[name] = parts.count == 2 ? decode(parts[1]) ?? "" : ""
        }
    }

    /// A redirect target from a form or query: a path on this server (`/…`, not `//…`), else `/`.
    static func localPath(_ text: String?) -> String {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\"),
            !text.contains(where: { $0.isNewline })
        else { return "/" }
        return text
    }
}
