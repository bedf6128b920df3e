import Foundation

/// Finds the `href` attributes of an HTML document (quoted with `"` or `'`, any case, inside a tag) and
/// replaces their values: the value is unescaped before `replace` sees it, and the replacement is escaped.
/// A small scanner, not a parser: the templates are ours, and anything it does not recognise stays as is.
enum HTMLLinkRewriter {
    static func rewrite(_ html: String, replace: (String) -> String?) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count + 256)
        var rest = html[...]
        while let attribute = rest.range(of: "href=", options: .caseInsensitive) {
            // Only inside a tag, and only a whole attribute name (not `data-href=`).
            let before = rest[..<attribute.lowerBound]
            let open = before.lastIndex(of: "<")
            let inTag = open.map { open in before.lastIndex(of: ">").map { $0 < open } ?? true } ?? false
            let separated = before.last.map { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" } ?? false
            let afterName = attribute.upperBound
            guard inTag, separated, afterName < rest.endIndex, rest[afterName] == "\"" || rest[afterName] == "'",
                let close = rest[rest.index(after: afterName)...].firstIndex(of: rest[afterName])
            else {
                output += rest[..<attribute.upperBound]
                rest = rest[attribute.upperBound...]
                continue
            }
            let valueStart = rest.index(after: afterName)
            let value = String(rest[valueStart..<close])
            output += rest[..<valueStart]
            output += replace(unescape(value)).map(HTMLEscaping.byCharacter) ?? value
            rest = rest[close...]
        }
        output += rest
        return output
    }

    /// Undoes what HTML escaping (`HTMLEscaping`, as Mustache escapes) does; other entities are left alone.
    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&#x2F;", with: "/")
            .replacingOccurrences(of: "&#x3D;", with: "=").replacingOccurrences(of: "&#x60;", with: "`")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
