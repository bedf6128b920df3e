/// What is true of an order beyond its amounts, one byte per order.
public struct OrderFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Cancelled (`cancelledAt` set or financial status `voided`): never a purchase.
    public static let cancelled = OrderFlags(rawValue: 1 << 0)
    /// The order names at least one discount code.
    public static let discounted = OrderFlags(rawValue: 1 << 1)
    /// Refunds add up to the whole total (and the total is above zero): not a purchase.
    public static let fullyRefunded = OrderFlags(rawValue: 1 << 2)
    /// Left out of every figure: it was updated into another currency or lost its customer.
    public static let excluded = OrderFlags(rawValue: 1 << 3)

    /// The flags that keep an order from counting as a purchase.
    static let notCounted: OrderFlags = [.cancelled, .fullyRefunded, .excluded]

    /// Whether the order is a purchase: not cancelled, not fully refunded, not excluded.
    public var isPurchase: Bool { isDisjoint(with: .notCounted) }
}
