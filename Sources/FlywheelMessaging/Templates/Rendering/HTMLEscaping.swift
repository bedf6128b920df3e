import Mustache

/// Mustache's HTML escaping (`<` `>` `&` `"` `'` → `&lt;` `&gt;` `&amp;` `&quot;` `&#39;`) with the same output,
/// on UTF-8 bytes: swift-mustache's own walks the text by `Character` and looks each up in a dictionary, which
/// cost 13 % of an e-mail's render (docs/messaging.md, "Rendering fast").
///
/// Same output, including its one subtlety: swift-mustache compares whole characters (grapheme clusters), so
/// a `<` that a combining mark follows, or that a prepended mark precedes, forms another character and stays
/// as it is. Text without specials is returned as is; specials with only ASCII neighbours are replaced byte by
/// byte; anything else (a special next to a non-ASCII byte) goes through `byCharacter`, character by character.
struct HTMLEscaping: MustacheContentType {
    /// The content type's name in `{{% CONTENT_TYPE: …}}`, which `MessageTemplates` puts before its HTML files.
    static let name = "FLYWHEEL_HTML"

    /// Registers the content type with Mustache (once).
    static let registered: Void = { MustacheContentTypes.register(HTMLEscaping(), named: name) }()

    func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: { Self.replacement($0) != nil }) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        Self.append(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `text` escaped to `output` (the compiled renderer's buffer; `escapeText` for swift-mustache).
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        let mark = output.count
        let done = text.withUTF8 { bytes -> Bool in
            var clean = 0  // bytes before `clean` are already written
            for index in bytes.indices {
                guard let replacement = Self.replacement(bytes[index]) else { continue }
                let before = index > 0 ? bytes[index - 1] : 0
                let after = index + 1 < bytes.count ? bytes[index + 1] : 0
                guard before < 0x80, after < 0x80 else { return false }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean..<index]))
                replacement.withUTF8Buffer { output.append(contentsOf: $0) }
                clean = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean...]))
            return true
        }
        if !done {  // a special next to a non-ASCII byte: undo, and go character by character
            output.removeSubrange(mark...)
            output.append(contentsOf: byCharacter(text).utf8)
        }
    }

    @inline(__always)
    private static func replacement(_ byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }

    /// Character by character, as swift-mustache escapes (also the tracking links' attribute values).
    static func byCharacter(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }
}
