public import FlywheelCore
public import FlywheelFlows

/// Performs what flows decided: hands `.send` actions to the outbox (which renders and delivers them) and
/// points, coupons, tags, tickets and webhooks to their services. The outbox helper and the server
/// implement it; the scheduler only calls it.
///
/// The scheduler calls `perform` **before** it stores the enrolments' new state, so a crash in between
/// repeats the call after the lease expires with the same actions and the same idempotency keys
/// (`OutgoingMessage.idempotencyKey`, the `key:` of the other actions): the implementation must drop a key it
/// has seen (at-least-once in, exactly-once out). A thrown error fails the whole batch: every enrolment in it
/// is tried again later with backoff.
public protocol FlowEffects: Sendable {
    /// Performs the actions of a batch of enrolments (only the outward ones: sends the arbiter let through,
    /// points, coupons, tags, tickets, webhooks; enrolments with none are left out).
    func perform(_ batch: [EnrolmentEffects]) async throws
}

/// The outward actions of one enrolment's step.
public struct EnrolmentEffects: Sendable {
    public var enrolment: StoredEnrolment
    public var actions: [FlowAction]

    public init(enrolment: StoredEnrolment, actions: [FlowAction]) {
        self.enrolment = enrolment
        self.actions = actions
    }
}
