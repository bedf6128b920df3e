public import Foundation

/// One customer's run through one flow version as the scheduler stores it: the flow runner's state as an
/// opaque snapshot, when the scheduler must look at it next, and who holds it right now.
///
/// The store does not read `state`; FlywheelFlows writes and reads it (`Enrolment.snapshot()`), so the store
/// contract stays free of the flow domain. Named so it does not clash with FlywheelFlows' `EnrolmentRecord`
/// (a line of an enrolment's own history).
public struct StoredEnrolment: Hashable, Sendable {
    /// The enrolment id (part of every idempotency key of its effects).
    public var id: String
    public var customerID: String
    public var flowID: String
    public var flowVersion: Int
    /// What entered the flow (e.g. `order_confirmation/c_1/order_placed:o_9`); unique, so a replayed
    /// webhook enters once.
    public var entryKey: String
    /// The runner's state (a versioned snapshot the store keeps as bytes).
    public var state: Data
    /// When `claimDue` hands the row out next; `nil` while it waits only for an event or when finished. While
    /// the row is leased it is the lease's expiry, so a crashed holder's rows fall due again by themselves.
    public var dueAt: Date?
    public var status: EnrolmentStatus
    /// The scheduler instance holding the row, and until when (`nil` when nobody does).
    public var leaseOwner: String?
    public var leaseExpiresAt: Date?
    /// Claims since the last successful completion (a row that keeps failing shows a growing count).
    public var attempts: Int
    public var createdAt: Date
    public var updatedAt: Date

    /// Makes a row; a new one is usually `.active` with no lease and no attempts.
    public init(
        id: String, customerID: String, flowID: String, flowVersion: Int, entryKey: String, state: Data, dueAt: Date?,
        status: EnrolmentStatus = .active, leaseOwner: String? = nil, leaseExpiresAt: Date? = nil, attempts: Int = 0,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.customerID = customerID
        self.flowID = flowID
        self.flowVersion = flowVersion
        self.entryKey = entryKey
        self.state = state
        self.dueAt = dueAt
        self.status = status
        self.leaseOwner = leaseOwner
        self.leaseExpiresAt = leaseExpiresAt
        self.attempts = attempts
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
