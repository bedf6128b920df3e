public import Foundation

/// The outcome of working on a leased enrolment: its new state and due time, and the timeline entries that
/// say what happened. `FlowScheduleStore.complete` stores it only while the lease is still the caller's.
public struct EnrolmentCompletion: Hashable, Sendable {
    public var id: String
    /// The runner's new state (snapshot bytes).
    public var state: Data
    /// When to look at the enrolment next; `nil` when it waits only for an event or has finished.
    public var dueAt: Date?
    public var status: EnrolmentStatus
    /// `true` when the work succeeded (the attempt count is reset); `false` for a retry later (kept).
    public var succeeded: Bool
    /// Written in the same transaction as the state, and only if the lease held.
    public var timeline: [TimelineEntry]

    public init(
        id: String, state: Data, dueAt: Date?, status: EnrolmentStatus, succeeded: Bool = true,
        timeline: [TimelineEntry] = []
    ) {
        self.id = id
        self.state = state
        self.dueAt = dueAt
        self.status = status
        self.succeeded = succeeded
        self.timeline = timeline
    }
}
