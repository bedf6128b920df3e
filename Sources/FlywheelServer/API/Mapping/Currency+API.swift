import FlywheelCore

extension CurrencyCode {
    /// The currency of an API field, or a 422 naming the field.
    init(api code: String, pointer: String) throws(APIProblem) {
        guard let currency = CurrencyCode(code) else {
            throw .invalid([.init(pointer: pointer, detail: "is not an ISO 4217 currency code")])
        }
        self = currency
    }
}
