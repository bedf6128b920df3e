public import Foundation

/// An outbox message of a flow as the report reads it: whose it is, how far it got, and whether it was
/// opened or clicked (the first time of each).
public struct TrackedMessage: Hashable, Sendable {
    public var id: String
    /// The flow effect's key (`enrolmentID/stepID/historyCount`): it names the enrolment that sent it.
    public var idempotencyKey: String
    public var customerID: String
    public var status: OutboxStatus
    public var createdAt: Date
    public var openedAt: Date?
    public var clickedAt: Date?

    public init(
        id: String, idempotencyKey: String, customerID: String, status: OutboxStatus, createdAt: Date,
        openedAt: Date? = nil, clickedAt: Date? = nil
    ) {
        self.id = id
        self.idempotencyKey = idempotencyKey
        self.customerID = customerID
        self.status = status
        self.createdAt = createdAt
        self.openedAt = openedAt
        self.clickedAt = clickedAt
    }

    /// The enrolment whose step sent it: the key up to its first `/`.
    public var enrolmentID: Substring {
        idempotencyKey.prefix { $0 != "/" }
    }
}
