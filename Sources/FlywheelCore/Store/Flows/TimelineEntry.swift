public import Foundation

/// One line of a customer's timeline: what a flow did or did not do for them, and why.
///
/// Entries are append-only. Each has a `key` unique in the store (e.g. the enrolment id and the index of the
/// history line it records), so writing the same entry twice — a step repeated after a crash — keeps one.
public struct TimelineEntry: Hashable, Sendable {
    /// What happened.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case entered
        /// Waiting for a time or an event (`detail` says until when).
        case waiting
        case resumed
        case sent
        case skipped
        case postponed
        /// The arbiter preferred another flow's message; not delivered.
        case heldBack = "held_back"
        /// Points, coupon, tag, ticket or webhook handed on.
        case performed
        case goalReached = "goal_reached"
        case exited
    }

    /// Unique per entry; the same entry written twice is stored once.
    public var key: String
    public var customerID: String
    public var at: Date
    public var kind: Kind
    public var flowID: String
    public var flowVersion: Int
    public var enrolmentID: String
    /// The step it happened at; `nil` for the entry itself.
    public var stepID: String?
    /// The message's id (its idempotency key) for sent and held-back messages.
    public var messageID: String?
    /// Why, in words (a skip reason, an exit reason, the winning flow), or what (channel, effect).
    public var detail: String?
    /// Order of appending, set by the store (0 before it is stored); breaks ties of `at` in listings.
    public var sequence: Int64

    public init(
        key: String, customerID: String, at: Date, kind: Kind, flowID: String, flowVersion: Int, enrolmentID: String,
        stepID: String? = nil, messageID: String? = nil, detail: String? = nil, sequence: Int64 = 0
    ) {
        self.key = key
        self.customerID = customerID
        self.at = at
        self.kind = kind
        self.flowID = flowID
        self.flowVersion = flowVersion
        self.enrolmentID = enrolmentID
        self.stepID = stepID
        self.messageID = messageID
        self.detail = detail
        self.sequence = sequence
    }
}
