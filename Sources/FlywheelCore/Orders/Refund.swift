public import Foundation

/// Money given back on an order (part or all of it).
public struct Refund: Hashable, Sendable {
    public var externalID: String
    public var orderExternalID: String
    public var createdAt: Date
    public var amountMinor: Int64
    public var currency: CurrencyCode
    public var reason: String?

    public init(
        externalID: String, orderExternalID: String, createdAt: Date, amountMinor: Int64, currency: CurrencyCode,
        reason: String? = nil
    ) {
        self.externalID = externalID
        self.orderExternalID = orderExternalID
        self.createdAt = createdAt
        self.amountMinor = amountMinor
        self.currency = currency
        self.reason = reason
    }
}
