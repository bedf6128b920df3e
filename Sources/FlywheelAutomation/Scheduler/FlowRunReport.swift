/// What one round of the scheduler (`runDue`, `enter`, `handle`) did, in counts.
public struct FlowRunReport: Hashable, Sendable {
    /// Enrolments worked on (claimed, or inserted by `enter`).
    public var enrolments = 0
    /// Messages handed to the effects, and held back by the arbiter.
    public var sent = 0
    public var heldBack = 0
    /// Other outward actions handed on (points, coupons, tags, tickets, webhooks).
    public var performed = 0
    /// Enrolments that ended in this round.
    public var finished = 0
    /// Completions refused because another instance took the row over (its lease had expired).
    public var lostLeases = 0
    /// Enrolments put back for a retry because the effects failed (or ended after too many attempts).
    public var failed = 0
    /// Rows that cannot run here: an unreadable state or a flow version this instance does not know.
    public var parked = 0
    /// `enter`: flows entered, refused by their rules, or already entered by the same event.
    public var entered = 0
    public var refused = 0
    public var duplicates = 0
    /// `handle`: enrolments another instance held, so the event did not reach them.
    public var busy = 0

    public init() {}

    mutating func add(_ other: FlowRunReport) {
        enrolments += other.enrolments
        sent += other.sent
        heldBack += other.heldBack
        performed += other.performed
        finished += other.finished
        lostLeases += other.lostLeases
        failed += other.failed
        parked += other.parked
        entered += other.entered
        refused += other.refused
        duplicates += other.duplicates
        busy += other.busy
    }
}
