public import Foundation

/// One customer's run through one version of a flow: a state machine that returns actions.
///
/// `advance(in:now:facts:policy:)` runs the current step and every step after it until a wait, a
/// postponement or the end; `handle(_:in:now:facts:policy:)` reacts to an event (a goal, or the event a
/// wait is for). Neither does I/O: the caller performs the returned `FlowAction`s and stores the enrolment
/// with its `dueAt`. The enrolment stays on `flowVersion` for its whole life.
public struct Enrolment: Hashable, Sendable {
    /// The caller's id for this enrolment (the row key); part of every idempotency key.
    public let id: String
    public let customerID: String
    public let flowID: String
    public let flowVersion: Int
    public let enteredAt: Date
    /// In the flow's holdout group: goes through the flow but is sent nothing and given nothing.
    public let holdout: Bool
    /// The event that entered the flow.
    public let entryEvent: TriggerEvent
    /// The index of the current step in the flow version.
    public internal(set) var stepIndex: Int
    public internal(set) var state: EnrolmentState
    /// The variant the last split step chose.
    public internal(set) var variant: String?
    /// The event that entered or last resumed the flow (what `event.<attribute>` conditions read).
    public internal(set) var lastEvent: TriggerEvent
    public internal(set) var history: [EnrolmentRecord]

    /// A new enrolment at the flow's first step; holdout membership is decided here, from a stable hash.
    public init(id: String, program: FlowProgram, entry: FlowEvent) {
        self.id = id
        customerID = entry.customerID
        flowID = program.id
        flowVersion = program.version
        enteredAt = entry.occurredAt
        holdout = StableAssignment.isHoldout(
            flowID: program.id, customerID: entry.customerID, basisPoints: program.holdoutBasisPoints)
        entryEvent = entry.trigger
        lastEvent = entry.trigger
        stepIndex = 0
        state = .ready
        history = [EnrolmentRecord(at: entry.occurredAt, step: -1, outcome: .entered(holdout: holdout))]
    }

    /// An enrolment as it was stored.
    public init(
        restoring id: String, customerID: String, flowID: String, flowVersion: Int, enteredAt: Date, holdout: Bool,
        entryEvent: TriggerEvent, stepIndex: Int, state: EnrolmentState, variant: String?, lastEvent: TriggerEvent,
        history: [EnrolmentRecord]
    ) {
        self.id = id
        self.customerID = customerID
        self.flowID = flowID
        self.flowVersion = flowVersion
        self.enteredAt = enteredAt
        self.holdout = holdout
        self.entryEvent = entryEvent
        self.stepIndex = stepIndex
        self.state = state
        self.variant = variant
        self.lastEvent = lastEvent
        self.history = history
    }

    /// When `advance` must run next: `nil` while ready (run now) or finished.
    public var dueAt: Date? { state.dueAt }

    /// Most steps one `advance` runs before giving up (a guard against loops; validation forbids them).
    public static let stepsPerAdvance = 1_000
}
