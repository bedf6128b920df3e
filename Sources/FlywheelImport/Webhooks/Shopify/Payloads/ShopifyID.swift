/// A Shopify resource id such as `820982911946154508`: read exactly as `Int64`, never through `Double`
/// (which would turn it into `820982911946154496`). Accepts a JSON number or a string of digits.
struct ShopifyID: Decodable, Hashable, Sendable {
    let value: Int64

    init(_ value: Int64) { self.value = value }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            value = number
        } else if let text = try? container.decode(String.self) {
            guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let number = Int64(text) else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: decoder.codingPath,
                        debugDescription: ShopifyWholeNumber.reasonPrefix + "must be a Shopify id (digits only)"))
            }
            value = number
        } else {
            throw ShopifyWholeNumber.failure(decoder, container)
        }
    }

    /// The id as Flywheel stores it: the decimal digits, as in the Shopify export's `Id` column.
    var text: String { String(value) }
}
