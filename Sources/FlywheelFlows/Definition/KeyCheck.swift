/// Any JSON object key, for listing the keys an object really has.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Refuses keys a flow file object does not know, so that a typo (`timout`) is an error rather than a
/// silently ignored setting.
enum KeyCheck {
    static func rejectUnknown(in decoder: any Decoder, allowed: Set<String>) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        for key in container.allKeys where !allowed.contains(key.stringValue) {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath + [key],
                    debugDescription: "unknown key; expected one of \(allowed.sorted().joined(separator: ", "))"))
        }
    }
}
