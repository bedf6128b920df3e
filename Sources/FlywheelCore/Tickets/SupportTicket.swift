public import Foundation

/// A support case for a customer, e.g. the make-it-right ticket a delivery check-in's "no" opens.
///
/// `key` is unique in the store: opening a ticket whose key is stored keeps the first one, so a flow step
/// repeated after a crash opens one ticket.
public struct SupportTicket: Hashable, Sendable {
    /// How urgent it is.
    public enum Priority: String, Hashable, Sendable, CaseIterable {
        case low, normal, high
    }

    /// Where it stands.
    public enum Status: String, Hashable, Sendable, CaseIterable {
        case open, solved
    }

    /// The ticket's id (`tkt_…`), shown to the customer as the case's reference.
    public var id: String
    /// What opened it, unique: a flow effect's idempotency key.
    public var key: String
    /// The customer's external id.
    public var customerID: String
    /// What it is about (`delivery_problem`, `make_it_right`).
    public var topic: String
    public var priority: Priority
    public var status: Status
    /// The order it is about, if any.
    public var orderID: String?
    /// The flow that opened it, if any.
    public var flowID: String?
    public var openedAt: Date

    public init(
        id: String, key: String, customerID: String, topic: String, priority: Priority = .normal,
        status: Status = .open, orderID: String? = nil, flowID: String? = nil, openedAt: Date
    ) {
        self.id = id
        self.key = key
        self.customerID = customerID
        self.topic = topic
        self.priority = priority
        self.status = status
        self.orderID = orderID
        self.flowID = flowID
        self.openedAt = openedAt
    }
}
