import Foundation

/// Finds bare `http://` and `https://` URLs in plain text (up to whitespace or `<>"`, without a trailing
/// `.,;:!?)'` that ends a sentence) and replaces them.
enum TextLinkRewriter {
    static func rewrite(_ text: String, replace: (String) -> String?) -> String {
        var output = ""
        var rest = text[...]
        while let start = rest.range(of: "http", options: .caseInsensitive) {
            let candidate = rest[start.lowerBound...]
            let lower = candidate.prefix(8).lowercased()
            guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
                output += rest[..<start.upperBound]
                rest = rest[start.upperBound...]
                continue
            }
            var end = candidate.firstIndex { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" } ?? candidate.endIndex
            while end > candidate.startIndex, ".,;:!?)'".contains(candidate[candidate.index(before: end)]) {
                end = candidate.index(before: end)
            }
            let url = String(candidate[..<end])
            output += rest[..<start.lowerBound]
            output += replace(url) ?? url
            rest = candidate[end...]
        }
        output += rest
        return output
    }
}
