/// Quoted-printable (RFC 2045 §6.7) for UTF-8 text: line breaks become CRLF, lines stay within 76
/// characters by soft breaks ("=" at the end), "=" and non-ASCII bytes become `=XX`, and so do a space or tab
/// before a line break and a "." at the start of a line (safe through relays that mishandle it).
enum QuotedPrintable {
    static let maximumLineLength = 76
    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    static func encode(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        for (index, line) in lines(of: text).enumerated() {
            if index > 0 { output += [0x0D, 0x0A] }
            encodeLine(line, into: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The lines of the text, split at CRLF, LF or CR.
    private static func lines(of text: String) -> [ArraySlice<UInt8>] {
        let bytes = Array(text.utf8)
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(bytes[start..<index])
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        lines.append(bytes[start..<bytes.count])
        return lines
    }

    private static func encodeLine(_ line: ArraySlice<UInt8>, into output: inout [UInt8]) {
        var lineLength = 0
        for index in line.indices {
            let byte = line[index]
            let isLast = index == line.index(before: line.endIndex)
            let literal: Bool
            switch byte {
            case 0x20, 0x09: literal = !isLast
            case UInt8(ascii: "."): literal = index != line.startIndex
            case UInt8(ascii: "="): literal = false
            case 0x21...0x7E: literal = true
            default: literal = false
            }
            let width = literal ? 1 : 3
            // Leave room for the soft break "=" unless this is the line's last token.
            let limit = isLast ? maximumLineLength : maximumLineLength - 1
            if lineLength + width > limit {
                output += [UInt8(ascii: "="), 0x0D, 0x0A]
                lineLength = 0
            }
            if literal {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "="))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
            lineLength += width
        }
    }
}
