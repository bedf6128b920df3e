public import Foundation

/// A listing of orders, by external id, optionally filtered by customer and by the time they were placed.
public struct OrderQuery: Hashable, Sendable {
    /// List orders whose external id sorts after this one; `nil` from the start.
    public var after: String?
    /// The most orders to return; at least 1.
    public var limit: Int
    /// Only this customer's orders.
    public var customerExternalID: String?
    /// Only orders placed at or after this instant.
    public var placedFrom: Date?
    /// Only orders placed before this instant.
    public var placedBefore: Date?

    /// Makes a query; `limit` below 1 counts as 1.
    public init(
        after: String? = nil, limit: Int = 100, customerExternalID: String? = nil, placedFrom: Date? = nil,
        placedBefore: Date? = nil
    ) {
        self.after = after
        self.limit = max(1, limit)
        self.customerExternalID = customerExternalID
        self.placedFrom = placedFrom
        self.placedBefore = placedBefore
    }

    /// Whether an order passes the filters (not the cursor).
    public func matches(_ order: Order) -> Bool {
        if let customerExternalID, order.customerExternalID != customerExternalID { return false }
        if let placedFrom, order.placedAt < placedFrom { return false }
        if let placedBefore, order.placedAt >= placedBefore { return false }
        return true
    }
}
