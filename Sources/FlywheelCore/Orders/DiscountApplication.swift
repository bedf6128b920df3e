/// A discount code used on an order and the amount it took off.
public struct DiscountApplication: Hashable, Sendable {
    public var code: String
    public var amountMinor: Int64

    public init(code: String, amountMinor: Int64) {
        self.code = code
        self.amountMinor = amountMinor
    }
}
