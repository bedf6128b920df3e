import FlywheelCore
import Foundation

/// How both engines keep an outbox message's extra headers: a JSON array of `{"name", "value"}` objects.
///
/// Written by hand, byte for byte what `JSONEncoder` with sorted keys and unescaped slashes writes (the tests
/// compare the two): it runs once per enqueued message, where `JSONEncoder` cost more than the row's insert.
/// Read back with `JSONDecoder` (reads are rare: delivery claims, listings).
enum OutboxHeadersJSON {
    static func encode(_ headers: [OutboxHeader]) -> String {
        guard !headers.isEmpty else { return "[]" }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(headers.reduce(2) { $0 + $1.name.utf8.count + $1.value.utf8.count + 24 })
        bytes.append(UInt8(ascii: "["))
        for (index, header) in headers.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: #"{"name":"#.utf8)
            appendString(header.name, to: &bytes)
            bytes.append(contentsOf: #","value":"#.utf8)
            appendString(header.value, to: &bytes)
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The headers of a stored value; `nil` when it is not such an array.
    static func decode(_ text: String) -> [OutboxHeader]? {
        try? JSONDecoder().decode([OutboxHeader].self, from: Data(text.utf8))
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped as `JSONEncoder` does,
    /// everything else (slashes, non-ASCII) as is.
    private static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
            case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
            case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
            case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
            case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
            case 0x00..<0x20:
                bytes.append(contentsOf: #"\u00"#.utf8)
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
