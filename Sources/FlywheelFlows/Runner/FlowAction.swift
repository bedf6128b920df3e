public import Foundation

/// An effect the caller performs after `advance` or `handle`; the runner itself does no I/O.
///
/// Every effect carries an idempotency key that is the same when the same state is advanced again (after a
/// crash before the new state was stored), so effects happen at least once and are deduplicated downstream.
public enum FlowAction: Hashable, Sendable {
    case send(OutgoingMessage)
    /// Store the enrolment's pending row with this due time (and call `advance` then).
    case schedule(at: Date, ScheduleReason)
    case givePoints(points: Int, reason: String, key: String)
    case issueCoupon(CouponSpec, key: String)
    case tagCustomer(String, key: String)
    case openTicket(TicketSpec, key: String)
    case callWebhook(WebhookSpec, key: String)
    /// A step did nothing, and why (for the customer's timeline).
    case skip(stepID: String, SkipReason)
    /// The enrolment ended; remove its pending row.
    case exit(ExitReason)
}

/// Why a due time was set.
public enum ScheduleReason: Hashable, Sendable {
    case wait
    /// Waiting for an event; the due time is the timeout.
    case eventTimeout
    /// The policy postponed a message (quiet hours).
    case postponed(SkipReason)
}
