/// A JSON whole number (a quantity, an index), read as `Int64`. A string, a fraction or a number beyond
/// `Int64` is reported at its JSON path with a reason, never as "invalid JSON".
struct ShopifyWholeNumber: Decodable, Hashable, Sendable {
    let value: Int64

    init(_ value: Int64) { self.value = value }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        do {
            value = try container.decode(Int64.self)
        } catch {
            throw Self.failure(decoder, container)
        }
    }

    /// Prefix of a `DecodingError` description that carries a reason fit for the error report.
    static let reasonPrefix = "flywheel-reason: "

    /// Why a value that should be a whole number is not one: null, a fraction, too large, or not a number.
    static func failure(_ decoder: any Decoder, _ container: any SingleValueDecodingContainer) -> DecodingError {
        if container.decodeNil() {
            return DecodingError.valueNotFound(
                Int64.self, .init(codingPath: decoder.codingPath, debugDescription: "null"))
        }
        if let number = try? container.decode(Double.self) {
            let reason =
                number.rounded() == number
                ? "is too large for a whole number" : "must be a whole number, not a fraction"
            return DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: reasonPrefix + reason))
        }
        return DecodingError.typeMismatch(
            Int64.self, .init(codingPath: decoder.codingPath, debugDescription: "not a number"))
    }
}
