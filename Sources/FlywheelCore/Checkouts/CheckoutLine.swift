/// One line of a checkout: a product, how many, and its unit price.
public struct CheckoutLine: Hashable, Sendable {
    public var sku: String?
    public var title: String?
    public var quantity: Int
    /// The price of one, in the checkout's currency (minor units).
    public var unitPriceMinor: Int64

    public init(sku: String? = nil, title: String? = nil, quantity: Int, unitPriceMinor: Int64) {
        self.sku = sku
        self.title = title
        self.quantity = quantity
        self.unitPriceMinor = unitPriceMinor
    }

    /// quantity × unit price.
    public var totalMinor: Int64 { Int64(quantity) * unitPriceMinor }
}
