/// Whether an enrolment still runs.
public enum EnrolmentStatus: String, Hashable, Sendable, CaseIterable {
    /// Running: waiting for a time, an event, or the scheduler.
    case active
    /// Ended (completed, goal reached, exited); kept for re-entry rules and reports.
    case finished
}
