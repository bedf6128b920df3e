public import Foundation

/// Where a return stands.
public enum ReturnStatus: String, Sendable, Hashable, CaseIterable {
    case requested
    case approved
    case rejected
    case received
    case refunded
}

/// A customer's request to send items back.
public struct ReturnRequest: Hashable, Sendable {
    public var externalID: String
    public var orderExternalID: String
    public var requestedAt: Date
    /// Why, in the customer's words or a reason code (`damaged`, `wrong_size` …).
    public var reason: String?
    public var status: ReturnStatus
    public var quantity: Int
    public var sku: String?

    public init(
        externalID: String, orderExternalID: String, requestedAt: Date, reason: String? = nil,
        status: ReturnStatus = .requested, quantity: Int = 1, sku: String? = nil
    ) {
        self.externalID = externalID
        self.orderExternalID = orderExternalID
        self.requestedAt = requestedAt
        self.reason = reason
        self.status = status
        self.quantity = quantity
        self.sku = sku
    }
}
