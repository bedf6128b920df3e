public import Foundation

/// The little of an order that attribution needs: whose, when, how much, and whether it was cancelled.
public struct AttributableOrder: Hashable, Sendable {
    public var externalID: String
    public var customerID: String
    public var placedAt: Date
    public var total: Money
    public var cancelled: Bool

    public init(externalID: String, customerID: String, placedAt: Date, total: Money, cancelled: Bool = false) {
        self.externalID = externalID
        self.customerID = customerID
        self.placedAt = placedAt
        self.total = total
        self.cancelled = cancelled
    }
}
