/// Header values as RFC 5322 wants them: ASCII, folded to lines of at most 78 characters; non-ASCII text as
/// RFC 2047 encoded-words (`=?UTF-8?Q?…?=`, each at most 75 characters, never splitting a character).
enum HeaderEncoding {
    /// The longest encoded-word RFC 2047 allows.
    static let maximumEncodedWordLength = 75
    /// The line length RFC 5322 recommends.
    static let preferredLineLength = 78

    /// An unstructured value (Subject): as is when printable ASCII, else encoded-words. Control characters
    /// (CR and LF among them) become spaces, so a value can never start a header of its own.
    static func unstructured(_ value: String) -> String {
        let value = withoutControlCharacters(value)
        if isPlainASCII(value) { return value }
        return encodedWords(value).joined(separator: " ")
    }

    /// A display name: an atom phrase, a quoted string, or encoded-words.
    static func phrase(_ value: String) -> String {
        let value = withoutControlCharacters(value)
        if isPlainASCII(value) {
            let specials = Set("()<>[]:;@\\,.\"")
            if !value.contains(where: { specials.contains($0) }) { return value }
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\""
        }
        return encodedWords(value).joined(separator: " ")
    }

    /// `Name: value` folded at spaces so that lines stay within 78 characters where possible (a single long
    /// token, such as a URL, stays whole), CRLF-terminated.
    static func line(name: String, value: String) -> String {
        var output = "\(name):"
        var lineLength = output.count
        for word in value.split(separator: " ", omittingEmptySubsequences: false) {
            if lineLength + 1 + word.count > preferredLineLength && lineLength > name.count + 1 {
                output += "\r\n "
                lineLength = 1
            } else {
                output += " "
                lineLength += 1
            }
            output += word
            lineLength += word.count
        }
        return output + "\r\n"
    }

    /// The value with every control character (C0, DEL, C1, line and paragraph separators) as a space.
    static func withoutControlCharacters(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: isControl) else { return value }
        return String(String.UnicodeScalarView(value.unicodeScalars.map { isControl($0) ? " " : $0 }))
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// Printable ASCII and spaces only, no control characters.
    static func isPlainASCII(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// Q-encoded words (RFC 2047 §4.2) with the character set allowed inside a phrase (§5 (3)), each
    /// at most 75 characters; the split falls between characters, never inside one.
    static func encodedWords(_ value: String) -> [String] {
        let prefix = "=?UTF-8?Q?"
        let suffix = "?="
        let room = maximumEncodedWordLength - prefix.count - suffix.count
        var words: [String] = []
        var current = ""
        for character in value {
            var encoded = ""
            for byte in String(character).utf8 {
                encoded += encode(byte)
            }
            if current.count + encoded.count > room && !current.isEmpty {
                words.append(prefix + current + suffix)
                current = ""
            }
            current += encoded
        }
        if !current.isEmpty || words.isEmpty { words.append(prefix + current + suffix) }
        return words
    }

    private static func encode(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: " "): return "_"
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"),
            UInt8(ascii: "-"), UInt8(ascii: "/"):
            return String(UnicodeScalar(byte))
        default:
            return "=" + hex(byte)
        }
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
