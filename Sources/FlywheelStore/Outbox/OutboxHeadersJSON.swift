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
            JSONString.append(header.name, to: &bytes)
            bytes.append(contentsOf: #","value":"#.utf8)
            JSONString.append(header.value, to: &bytes)
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The headers of a stored value; `nil` when it is not such an array.
    static func decode(_ text: String) -> [OutboxHeader]? {
        try? JSONDecoder().decode([OutboxHeader].self, from: Data(text.utf8))
    }
}
