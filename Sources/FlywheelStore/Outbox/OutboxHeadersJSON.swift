import FlywheelCore
import Foundation

/// How both engines keep an outbox message's extra headers: a JSON array of `{"name", "value"}` objects.
enum OutboxHeadersJSON {
    static func encode(_ headers: [OutboxHeader]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(headers), as: UTF8.self)
    }

    /// The headers of a stored value; `nil` when it is not such an array.
    static func decode(_ text: String) -> [OutboxHeader]? {
        try? JSONDecoder().decode([OutboxHeader].self, from: Data(text.utf8))
    }
}
